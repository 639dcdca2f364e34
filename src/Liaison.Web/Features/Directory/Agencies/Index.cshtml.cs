using Liaison.Web.Features.Directory.LinesOfService;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Directory.Agencies;

internal sealed class IndexModel(ListAgencies list, ManageLinesOfService lines, AccessRule access, TimeProvider clock) : PageModel
{
    public AgencyListQuery Query { get; private set; } = new();
    public PagedResult<AgencyRow> Results { get; private set; } = null!;
    public List<SelectListItem> StatusOptions { get; private set; } = [];
    public List<SelectListItem> LineOptions { get; private set; } = [];
    public bool CanCreate => access.CanManageReferenceData;

    public async Task OnGetAsync([FromQuery] AgencyListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = await list.HandleAsync(query, ct);
        StatusOptions = Options.Status().Selecting(query.Status ?? "active");
        LineOptions = SelectLists.Grouped(await lines.CatalogueAsync(ct), l => l.UnitName, l => l.Id, l => l.Name).Selecting(query.LineOfServiceId);
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] AgencyListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, f => list.ExportAsync(query, f, access.CanSeeInternalNotes, clock.GetUtcNow().UtcDateTime, ct));
}
