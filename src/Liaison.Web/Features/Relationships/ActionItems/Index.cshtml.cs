using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.ActionItems;

internal sealed class IndexModel(ManageActionItems items, PeopleOptions options, AccessRule access) : PageModel
{
    public ActionItemListQuery Query { get; private set; } = new();
    public PagedResult<ActionItemRow> Results { get; private set; } = null!;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> StatusOptions { get; private set; } = [];
    public List<SelectListItem> DueOptions { get; private set; } = [];
    public bool IsAgencyUser => !access.CanSeeProviderRecords;
    public int? MyPersonId => access.User.PersonId;

    public async Task OnGetAsync([FromQuery] ActionItemListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = await items.ListAsync(query, ct);
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        StatusOptions = new List<SelectListItem> { new("Open", "open"), new("Done", "done"), new("Cancelled", "cancelled"), new("All", "all") }.Selecting(query.Status ?? "open");
        DueOptions = new List<SelectListItem> { new("Any time", ""), new("Late", "late"), new("Due this week", "week"), new("No due date", "none") }.Selecting(query.Due ?? "");
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] ActionItemListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, f => items.ExportAsync(query, f, ct));
}
