using System.Globalization;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Interactions;

internal sealed class DetailsModel(RecordInteraction record, ManageActionItems actions, AddActionItems adder, InteractionOptions options,
    RecordHistory history, AccessRule access) : PageModel, IAddsActionItems
{
    [BindProperty]
    public ActionItemDrafts NewActions { get; set; } = new();

    public IReadOnlyList<SelectListItem> OwnerOptions { get; private set; } = [];
    public IReadOnlyList<SelectListItem> ItemAgencies { get; private set; } = [];

    public Interaction Interaction { get; private set; } = null!;
    public IReadOnlyList<ActionItemRow> Actions { get; private set; } = [];
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanEdit { get; private set; }

    public Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => ShowAsync(id, ActionItemRows.Blank, ct);

    /// <summary>Several action items from the interaction at once; on a problem, the rows come back as typed, with the errors.</summary>
    public Task<IActionResult> OnPostAddActionsAsync(int id, CancellationToken ct) =>
        ActionItemRows.AddAsync(this, id, () => adder.ToInteractionAsync(id, NewActions, ct), rows => ShowAsync(id, rows, ct));

    public Task<IActionResult> OnPostMoreActionRowsAsync(int id, CancellationToken ct) =>
        ActionItemRows.MoreAsync(this, NewActions, rows => ShowAsync(id, rows, ct));

    private async Task<IActionResult> ShowAsync(int id, int rows, CancellationToken ct)
    {
        var result = await record.GetAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Interaction = result.Value!;
        CanEdit = await access.CanEditAgencyRecordsAsync(Interaction.AgencyId, ct);
        if (CanEdit)
        {
            OwnerOptions = await options.AttendeesAsync([Interaction.AgencyId], ct);
            ItemAgencies = [new SelectListItem(Interaction.Agency?.Name, Interaction.AgencyId.ToString(CultureInfo.InvariantCulture))];
            ActionItemRows.Prepare(NewActions, access.StaffPersonId, rows);
        }
        Actions = await ManageActionItems.Rows(actions.Filtered(new ActionItemListQuery(Status: "all")).Where(a => a.InteractionId == id)).ToListAsync(ct);
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(Interactions.Interaction), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }
}
