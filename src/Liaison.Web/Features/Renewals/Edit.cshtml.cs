using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Renewals;

/// <summary>Logs a renewal (no id) or edits one.</summary>
internal sealed class EditModel(ManageRenewals renewals, ManageVendors vendors, PeopleOptions people, OrganisationClock clock) : PageModel
{
    [BindProperty]
    public RenewalInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public bool CanEdit { get; private set; } = true;
    public string Heading => Id is null ? "Log a renewal" : "Edit renewal";
    public List<SelectListItem> ProductOptions { get; private set; } = [];

    /// <summary>Whether <see cref="ProductOptions"/> lists every product (else the chosen one, and the type-ahead finds the rest).</summary>
    public bool ProductsComplete { get; private set; } = true;

    public string ProductHint => ProductsComplete
        ? "Vendor — product. A new one is added on its vendor's page."
        : "Type part of the vendor's or the product's name. A new product is added on its vendor's page, which also logs a renewal of any of its products.";

    public bool AnyProduct { get; private set; }
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> StaffOptions { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }

    public static List<SelectListItem> Statuses => Enum.GetValues<RenewalStatus>().Select(s => new SelectListItem(RenewalText.Status(s), s.ToString())).ToList();
    public static List<SelectListItem> BillingPeriods => Enum.GetValues<BillingPeriod>().Select(b => new SelectListItem(RenewalText.Billing(b), b.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int? id, int? agencyId, int? productId, CancellationToken ct)
    {
        if (!renewals.MaySee)
            return Forbid();
        Id = id;
        if (id is { } existing)
        {
            var found = await renewals.GetAsync(existing, ct);
            if (this.Refusal(found) is { } refusal)
                return refusal;
            Input = RenewalInput.From(found.Value!.Renewal);
            CanEdit = await renewals.CanEditAsync(found.Value.Renewal.AgencyId, ct);
        }
        else
        {
            // A year from the first of next month, the usual notice and lead time: what most renewals are.
            var start = clock.Today.StartOfMonth().AddMonths(1);
            Input = new RenewalInput
            {
                AgencyId = agencyId,
                ProductId = productId,
                TermStart = start,
                TermEnd = start.AddYears(1).AddDays(-1),
                VendorNoticeDays = 30,
                LeadTimeDays = 30,
                BillingPeriod = BillingPeriod.Annual,
                Status = RenewalStatus.NotStarted,
            };
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await renewals.UpdateAsync(existing, Input, ct) : await renewals.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? "The renewal has been logged." : "Your changes have been saved.";
            return RedirectToPage("/Renewals/Details", new { id = result.Value!.Id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var (products, complete, any) = await vendors.ProductChoicesAsync(Input.ProductId, ct);
        ProductOptions = products.Select(p => new SelectListItem(p.Name, p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        ProductsComplete = complete;
        AnyProduct = any;
        AgencyOptions = await people.AgenciesAsync(ct);
        StaffOptions = await people.StaffAsync(ct);
    }
}
