using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Surveys.FollowUps;

/// <summary>Follow-ups of unhappy answers the user may see: open ones, late first (all=true adds the closed).</summary>
internal sealed class IndexModel(ManageFollowUps followUps) : PageModel
{
    public IReadOnlyList<FollowUpRow> Rows { get; private set; } = [];
    public bool All { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool all, int? agencyId, CancellationToken ct)
    {
        var list = await followUps.ListAsync(all, agencyId, ct);
        if (!list.IsOk)
            return NotFound();
        Rows = list.Value!;
        All = all;
        return Page();
    }
}
