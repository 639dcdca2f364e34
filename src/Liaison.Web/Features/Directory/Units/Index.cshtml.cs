using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Directory.Units;

internal sealed class IndexModel(ManageUnits units, AccessRule access, TimeProvider clock) : PageModel
{
    public UnitListQuery Query { get; private set; } = new();
    public PagedResult<UnitRow> Results { get; private set; } = null!;
    public List<SelectListItem> StatusOptions { get; private set; } = [];
    public bool CanCreate => access.CanManageReferenceData;

    public async Task OnGetAsync([FromQuery] UnitListQuery query, CancellationToken ct)
    {
        Query = query;
        Results = await units.ListAsync(query, ct);
        StatusOptions = Options.Status().Selecting(query.Status ?? "active");
    }

    public Task<IActionResult> OnGetExportAsync([FromQuery] UnitListQuery query, string? format, CancellationToken ct) =>
        this.ExportAsync(format, f => units.ExportAsync(query, f, clock.GetUtcNow().UtcDateTime, ct));
}
