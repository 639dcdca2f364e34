using System.Globalization;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Interactions;

internal sealed class DetailsModel(RecordInteraction record, ManageActionItems actions, RecordHistory history, AccessRule access) : PageModel
{
    public Interaction Interaction { get; private set; } = null!;
    public IReadOnlyList<ActionItemRow> Actions { get; private set; } = [];
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await record.GetAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Interaction = result.Value!;
        CanEdit = await access.CanEditAgencyRecordsAsync(Interaction.AgencyId, ct);
        Actions = await ManageActionItems.Rows(actions.Filtered(new ActionItemListQuery(Status: "all")).Where(a => a.InteractionId == id)).ToListAsync(ct);
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(Interactions.Interaction), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }
}
