using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Directory.LinesOfService;

internal sealed class IndexModel(ManageLinesOfService lines, PeopleOptions options, AccessRule access, TimeProvider clock) : PageModel
{
    public LineOfServiceListQuery Query { get; private set; } = new();
    public PagedResult<LineOfServiceRow> Results { get; private set; } = null!;
    public List<SelectListItem> StatusOptions { get; private set; } = [];
    public List<SelectListItem> UnitOptions { get; private set; } = [];
    public bool CanCreate => access.CanManageReferenceData;

    public async Task OnGetAsync([FromQuery] LineOfServiceListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = await lines.ListAsync(query, ct);
        StatusOptions = Options.Status().Selecting(query.Status ?? "active");
        UnitOptions = (await options.UnitsAsync(ct)).Selecting(query.OperationalUnitId);
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] LineOfServiceListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, f => lines.ExportAsync(query, f, clock.GetUtcNow().UtcDateTime, ct));
}
