using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Portfolio;

/// <summary>Adds a status update, or (with ?corrects=) a correction of an earlier one.</summary>
internal sealed class UpdateModel(ManageInitiatives initiatives, PortfolioRules rules) : PageModel
{
    [BindProperty]
    public StatusUpdateInput Input { get; set; } = new();

    public Initiative Item { get; private set; } = null!;
    public InitiativeUpdate? Corrects { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? corrects, CancellationToken ct)
    {
        if (await LoadAsync(id, corrects, ct) is { } refusal)
            return refusal;
        // Start from what the form shows (or the update being corrected): most months only some of it changes.
        var from = Corrects;
        Input = new StatusUpdateInput
        {
            AsOf = from?.AsOf ?? rules.Today,
            Health = from?.Health ?? Item.Health,
            StatusOverview = from?.StatusOverview ?? Item.StatusOverview,
            Accomplishments = from?.Accomplishments ?? Item.Accomplishments,
            Plans = from?.Plans ?? Item.Plans,
            Risks = from?.Risks ?? Item.Risks,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int? corrects, CancellationToken ct)
    {
        var result = corrects is { } updateId ? await initiatives.CorrectAsync(id, updateId, Input, ct) : await initiatives.AddUpdateAsync(id, Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = corrects is null ? "The status update has been added." : "The correction has been added; the original stays in the history.";
            return RedirectToPage("/Portfolio/Details", new { id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        ModelState.AddErrors(result.Errors!);
        return await LoadAsync(id, corrects, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, int? corrects, CancellationToken ct)
    {
        var result = await initiatives.GetAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Item = result.Value!;
        if (!await initiatives.CanEditAsync(Item, ct))
            return Forbid();
        if (corrects is { } updateId)
        {
            Corrects = (await initiatives.HistoryAsync(id, ct)).Value?.FirstOrDefault(u => u.Id == updateId);
            if (Corrects is null)
                return NotFound();
        }
        return null;
    }
}
