using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Relationships.ActionItems;

internal sealed class DetailsModel(ManageActionItems items, CommentOnActionItems comments, RecordHistory history, AccessRule access,
    OrganisationClock clock) : PageModel
{
    [BindProperty]
    public string? CommentText { get; set; }

    public IReadOnlyList<ActionItemComment> Comments { get; private set; } = [];
    public OrganisationClock Time => clock;

    public string CommentHint =>
        $"Seen by whoever sees this item, the agency contact who owns it included. Write @ and a person's full name (for example @{Item.Owner?.FullName ?? "Sam Staff"}) to tell them.";

    public ActionItem Item { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanClose { get; private set; }
    public bool IsLate { get; private set; }
    public IReadOnlyList<HistoryEntry>? History { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ct);

    /// <summary>A comment from the item's staff or its agency-side owner; on a problem, the text comes back with the error.</summary>
    public async Task<IActionResult> OnPostCommentAsync(int id, CancellationToken ct)
    {
        var result = await comments.AddAsync(id, new CommentInput(CommentText), ct);
        if (result.IsOk)
        {
            TempData["Status"] = "Your comment has been added.";
            return RedirectToPage(null, null, new { id }, $"comment-{result.Value!.Id}");
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        ModelState.AddErrors(result.Errors.ToDictionary(e => nameof(CommentText), e => e.Value), "");
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        var result = await items.GetAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Item = result.Value!;
        (CanEdit, CanClose) = await items.RightsAsync(Item, ct);
        IsLate = Item.IsOpen && Item.DueOn < clock.Today;
        Comments = await comments.OfAsync(Item, ct);
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(ActionItem), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        var result = await items.CloseAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        TempData["Status"] = $"“{result.Value!.Title}” is done.";
        return RedirectToPage(new { id });
    }
}
