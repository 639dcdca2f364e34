using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Renewals.Vendors;

/// <summary>Adds a vendor (no id) or shows and edits one: its company details, contacts and products, and its history.</summary>
internal sealed class EditModel(ManageVendors vendors, RecordHistory history, Platform.Time.OrganisationClock clock) : PageModel
{
    /// <summary>Blank rows offered after the filled ones, for a new contact or product.</summary>
    private const int BlankRows = 2;

    [BindProperty]
    public VendorInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public bool CanEdit => vendors.MayEdit;
    public string Heading => Id is null ? "Add a vendor" : CanEdit ? $"Edit {Input.Name}" : Input.Name;
    public ConflictInfo? Conflict { get; private set; }
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public IReadOnlyList<ProductUsage> Usage { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (!vendors.MaySee)
            return Forbid();
        Id = id;
        if (id is { } existing)
        {
            var vendor = await vendors.GetAsync(existing, ct);
            if (this.Refusal(vendor) is { } refusal)
                return refusal;
            Input = VendorInput.From(vendor.Value!);
            History = await history.ForAsync(nameof(Vendor), existing.ToString(CultureInfo.InvariantCulture), ct);
            Usage = (await vendors.UsageAsync(existing, clock.Today, ct)).Value ?? [];
        }
        else if (!CanEdit)
        {
            return Forbid();
        }
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await vendors.UpdateAsync(existing, Input, ct) : await vendors.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? $"“{result.Value!.Name}” has been added." : "Your changes have been saved.";
            return RedirectToPage("/Renewals/Vendors/Edit", new { id = result.Value!.Id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        return Page();
    }

    private void AddBlankRows()
    {
        for (var i = 0; i < BlankRows; i++)
        {
            Input.Contacts.Add(new VendorContactInput());
            Input.Products.Add(new ProductInput());
        }
    }
}
