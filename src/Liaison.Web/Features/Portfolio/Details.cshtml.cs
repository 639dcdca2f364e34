using System.Globalization;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Portfolio;

internal sealed class DetailsModel(ManageInitiatives initiatives, RecordHistory history, PeopleOptions people, PortfolioRules rules) : PageModel
{
    public Initiative Item { get; private set; } = null!;
    public bool IsInternal => initiatives.IsInternalUser;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<InitiativeUpdate> Updates { get; private set; } = [];
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public List<SelectListItem> StaffOptions { get; private set; } = [];
    public PortfolioRules Rules => rules;

    [BindProperty]
    public HandOffInput HandOff { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostHandOffAsync(int id, CancellationToken ct)
    {
        var result = await initiatives.HandOffAsync(id, HandOff, ct);
        if (result.IsOk)
        {
            TempData["Status"] = "The initiative has been handed to the PMO.";
            return RedirectToPage(new { id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        ModelState.AddErrors(result.Errors!, nameof(HandOff));
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        var result = await initiatives.GetAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Item = result.Value!;
        if (!IsInternal)
            return null;
        CanEdit = await initiatives.CanEditAsync(Item, ct);
        Updates = (await initiatives.HistoryAsync(id, ct)).Value ?? [];
        History = await history.ForAsync(nameof(Initiative), id.ToString(CultureInfo.InvariantCulture), ct);
        if (CanEdit && Item.ManagedBy == ManagedBy.RelationshipManager)
            StaffOptions = await people.StaffAsync(ct);
        return null;
    }
}
