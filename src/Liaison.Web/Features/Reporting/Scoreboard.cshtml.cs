using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Reporting;

/// <summary>The agency scoreboard: how each agency is doing, a signal per column.</summary>
internal sealed class ScoreboardModel(ReadScoreboard scoreboard, OrganisationClock clock) : PageModel
{
    public ScoreboardQuery Query { get; private set; } = new();
    public Scoreboard Board { get; private set; } = null!;
    public List<SelectListItem> ManagerOptions { get; private set; } = [];
    public List<SelectListItem> DepartmentOptions { get; private set; } = [];
    public PageInfo Info => new(1, 1, Board.Rows.Count, Board.Rows.Count == 0 ? 0 : 1, Board.Rows.Count);

    public async Task<IActionResult> OnGetAsync([FromQuery] ScoreboardQuery query, CancellationToken ct)
    {
        var result = await scoreboard.HandleAsync(query, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Query = query;
        Board = result.Value!;
        ManagerOptions = Options.Of(Board.Managers).Selecting(query.ManagerUserId);
        DepartmentOptions = Board.Departments.Select(d => new SelectListItem(d, d, string.Equals(d, query.Department, StringComparison.OrdinalIgnoreCase))).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync([FromQuery] ScoreboardQuery query, string? format, CancellationToken ct)
    {
        var result = await scoreboard.HandleAsync(query, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        return await this.ExportAsync(format, f => Task.FromResult(ReadScoreboard.Export(result.Value!, f, clock.UtcNow)));
    }
}
