using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Portfolio;

internal sealed class HealthModel(ReviewPortfolioHealth health) : PageModel
{
    public PortfolioHealthReport Report { get; private set; } = null!;
    public bool CanAct => health.MayReview;

    public async Task<IActionResult> OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        var report = await health.ReportAsync(page, Paging.DefaultPageSize, ct);
        if (this.Refusal(report) is { } refusal)
            return refusal;
        Report = report.Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostSnapshotAsync(CancellationToken ct)
    {
        var saved = await health.SaveSnapshotAsync(ct);
        if (this.Refusal(saved) is { } refusal)
            return refusal;
        TempData["Status"] = $"The review for {saved.Value!.Month:MMMM yyyy} has been saved.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemindAsync(CancellationToken ct)
    {
        var sent = await health.EmailOwnersAsync(ct);
        if (this.Refusal(sent) is { } refusal)
            return refusal;
        var (count, without) = sent.Value!;
        TempData["Status"] = count == 0 && without.Count == 0 ? "No owner has a stale initiative: nobody was emailed."
            : $"Emailed {count} owner{(count == 1 ? "" : "s")} their stale initiatives.{(without.Count > 0 ? $" No email address for: {string.Join(", ", without)}." : "")}";
        return RedirectToPage();
    }
}
