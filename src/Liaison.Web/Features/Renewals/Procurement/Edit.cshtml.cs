using System.Globalization;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>Raises a request (no id) or edits one: an agency's user the request itself; the provider's staff everything.</summary>
internal sealed class EditModel(ManageProcurement procurement, PeopleOptions people, AccessRule access, CurrentUser user) : PageModel
{
    private const int BlankQuotes = 2;

    [BindProperty]
    public ProcurementInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public bool Internal => procurement.IsInternalReader;
    public string Heading => Id is null ? "Raise a procurement request" : $"Edit “{Input.Title}”";
    public ConflictInfo? Conflict { get; private set; }
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> StaffOptions { get; private set; } = [];
    public List<SelectListItem> FileOptions { get; private set; } = [];

    public static List<SelectListItem> Statuses => Enum.GetValues<ProcurementStatus>().Select(s => new SelectListItem(ProcurementText.Status(s), s.ToString())).ToList();

    public static List<SelectListItem> Alignment =>
        [new("Not assessed yet", ""), new("Yes, aligned", "true"), new("No, not aligned", "false")];

    public async Task<IActionResult> OnGetAsync(int? id, int? agencyId, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var view = await procurement.GetAsync(existing, ct);
            if (this.Refusal(view) is { } refusal)
                return refusal;
            if (!view.Value!.CanEdit)
                return Forbid();
            Input = ProcurementInput.From(view.Value.Request);
            FileOptions = view.Value.Attachments.Where(a => a.Internal || Internal)
                .Select(a => new SelectListItem(a.FileName, a.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        }
        else
        {
            if (!await procurement.MayRaiseAsync(ct))
                return Forbid();
            Input.AgencyId = access.OwnAgencyId ?? agencyId; // an agency user raises for their own agency, whatever the link says
            Input.RequestedBy = user.DisplayName;
        }
        await LoadAsync(ct);
        for (var i = 0; i < BlankQuotes; i++)
            Input.Quotes.Add(new QuoteInput());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await procurement.UpdateAsync(existing, Input, ct) : await procurement.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? "Your request has been raised." : "Your changes have been saved.";
            return RedirectToPage("/Renewals/Procurement/Details", new { id = result.Value!.Id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        if (id is { } again && (await procurement.GetAsync(again, ct)).Value is { } view)
            FileOptions = view.Attachments.Select(a => new SelectListItem(a.FileName, a.Id.ToString(CultureInfo.InvariantCulture))).ToList();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AgencyOptions = await people.AgenciesAsync(ct);
        if (Internal)
            StaffOptions = await people.StaffAsync(ct);
    }
}
