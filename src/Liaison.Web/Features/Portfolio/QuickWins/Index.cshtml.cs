using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Portfolio.QuickWins;

internal sealed class IndexModel(ListQuickWins log, PeopleOptions options) : PageModel
{
    public QuickWinListQuery Query { get; private set; } = new();
    public PagedResult<QuickWinRow> Results { get; private set; } = null!;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> ManagerOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] QuickWinListQuery query, CancellationToken ct)
    {
        var results = await log.ListAsync(query, ct);
        if (this.Refusal(results) is { } refusal)
            return refusal;
        Query = query;
        Results = results.Value!;
        AgencyOptions = (await options.AgenciesAsync(ct)).Selecting(query.AgencyId);
        ManagerOptions = (await options.ManagersAsync(ct)).Selecting(query.ManagerPersonId);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] QuickWinListQuery query, string? format, CancellationToken ct)
    {
        if (!log.MaySee)
            return Forbid();
        return await this.ExportAsync(format, async f => (await log.ExportAsync(query, f, ct)).Value!);
    }
}
