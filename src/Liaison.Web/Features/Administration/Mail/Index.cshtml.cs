using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Administration.Mail;

/// <summary>Outgoing mail for administrators: what failed and why (first), what is waiting, what went out.</summary>
[Authorize(Policy = Policies.Administrator)]
internal sealed class IndexModel(ReviewOutbox outbox) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public OutboxState State { get; set; } = OutboxState.Failed;

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public OutboxSummary Summary { get; private set; } = new(0, 0, 0);
    public PagedResult<OutboxRow> Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var summary = await outbox.SummaryAsync(ct);
        if (this.Refusal(summary) is { } refusal)
            return refusal;
        Summary = summary.Value!;
        Results = (await outbox.ListAsync(State, PageNumber, Paging.DefaultPageSize, ct)).Value!;
        return Page();
    }

    public async Task<IActionResult> OnPostRetryAsync(long id, CancellationToken ct)
    {
        var retried = await outbox.RetryAsync(id, ct);
        if (this.Refusal(retried) is { } refusal)
            return refusal;
        TempData["Status"] = "The message will be sent again in a moment.";
        return RedirectToPage(new { State = OutboxState.Pending });
    }
}
