using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Surveys;

/// <summary>The waves, newest first; agency users go to their own surveys.</summary>
internal sealed class IndexModel(ManageWaves waves, Liaison.Web.Platform.Auth.AccessRule access) : PageModel
{
    public bool MayChangeSettings => access.CanManageReferenceData;

    public IReadOnlyList<WaveRow> Waves { get; private set; } = [];
    public bool MayManage => waves.MayManage;

    /// <summary>Whether the user sees waves themselves (recipients, who answered), or only the results published to staff.</summary>
    public bool MaySeeWaves => waves.MaySee;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await waves.ListAsync(ct);
        if (!list.IsOk)
            return RedirectToPage("/Surveys/Mine");
        Waves = list.Value!;
        return Page();
    }
}
