using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Renewals;

/// <summary>The renewal log in the handbook's layout: vendor with contact, product, this term, the term before.</summary>
internal sealed class IndexModel(ListRenewals log, ManageVendors vendors, PeopleOptions options, OrganisationClock clock) : PageModel
{
    public DateOnly Today => clock.Today;

    public RenewalListQuery Query { get; private set; } = new();
    public PagedResult<RenewalRow> Results { get; private set; } = null!;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public string? VendorName { get; private set; }

    /// <summary>This list without the vendor filter, every other filter kept.</summary>
    public string WithoutVendor => "/Renewals" + QueryString.Create(Request.Query.Where(q => q.Key is not ("vendorId" or "page"))
        .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
    public List<SelectListItem> ManagerOptions { get; private set; } = [];
    public List<SelectListItem> StatusOptions { get; private set; } = [];
    public List<SelectListItem> DueOptions { get; private set; } = [];
    public string? Problem { get; private set; }

    public static IEnumerable<SelectListItem> Statuses =>
        new[] { new SelectListItem("Still to act on", ""), new SelectListItem("Settled", "settled"), new SelectListItem("Lapsed", "lapsed"), new SelectListItem("All", "all") }
            .Concat(Enum.GetValues<RenewalStatus>().Select(s => new SelectListItem("Only: " + RenewalText.Status(s), s.ToString())));

    public async Task<IActionResult> OnGetAsync([FromQuery] RenewalListQuery query, CancellationToken ct)
    {
        if (!ListRenewals.IsKnownFiscalYear(query.FiscalYear))
        {
            Problem = ListRenewals.FiscalYearMessage;
            query = query with { FiscalYear = null };
        }
        var results = await log.ListAsync(query, ct);
        if (this.Refusal(results) is { } refusal)
            return refusal;
        Query = query;
        Results = results.Value!;
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        ManagerOptions = (await options.ManagersAsync(ct)).Selecting(query.ManagerPersonId);
        VendorName = query.VendorId is { } vendorId ? (await vendors.GetAsync(vendorId, ct)).Value?.Name : null;
        StatusOptions = Statuses.Selecting(query.Status ?? "");
        DueOptions = new[] { new SelectListItem("Any date", ""), new SelectListItem($"Due within {RenewalDates.DueSoonDays} days or past", "soon"),
            new SelectListItem("Past the last safe date", "overdue") }.Selecting(query.Due ?? "");
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] RenewalListQuery query, string? format, CancellationToken ct)
    {
        if (!log.MaySee)
            return Forbid();
        if (!ListRenewals.IsKnownFiscalYear(query.FiscalYear))
            query = query with { FiscalYear = null };
        return await this.ExportAsync(format, async f => (await log.ExportAsync(query, f, ct)).Value!);
    }
}
