using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Portfolio.QuickWins;

internal sealed class SummaryModel(ListQuickWins log) : PageModel
{
    public QuickWinSummary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var summary = await log.SummaryAsync(from, to, ct);
        if (this.Refusal(summary) is { } refusal)
            return refusal;
        Summary = summary.Value!;
        return Page();
    }
}
