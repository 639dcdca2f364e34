using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Directory.People;

internal sealed class IndexModel(ListPeople list, PeopleOptions options, AccessRule access, TimeProvider clock) : PageModel
{
    public PersonListQuery Query { get; private set; } = new();
    public PagedResult<PersonRow> Results { get; private set; } = null!;
    public List<SelectListItem> StatusOptions { get; private set; } = [];
    public List<SelectListItem> KindOptions { get; private set; } = [];
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> UnitOptions { get; private set; } = [];
    public bool CanCreate => access.CanCreatePeople;
    public bool IsAgencyUser => !access.CanSeeProviderRecords;

    public async Task OnGetAsync([FromQuery] PersonListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = await list.HandleAsync(query, ct);
        StatusOptions = Options.Status().Selecting(query.Status ?? "active");
        KindOptions = PeopleOptions.Kinds.Selecting(query.Kind);
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        UnitOptions = (await options.UnitsAsync(ct)).Selecting(query.OperationalUnitId);
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] PersonListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, f => list.ExportAsync(query, f, access.CanSeeInternalNotes, clock.GetUtcNow().UtcDateTime, ct));
}
