using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Relationships.ActionItems;

internal sealed class DetailsModel(ManageActionItems items, RecordHistory history, AccessRule access, OrganisationClock clock) : PageModel
{
    public ActionItem Item { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public bool CanClose { get; private set; }
    public bool IsLate { get; private set; }
    public IReadOnlyList<HistoryEntry>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await items.GetAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Item = result.Value!;
        (CanEdit, CanClose) = await items.RightsAsync(Item, ct);
        IsLate = Item.IsOpen && Item.DueOn < clock.Today;
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
