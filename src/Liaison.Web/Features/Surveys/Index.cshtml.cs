using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Surveys;

/// <summary>The waves, newest first; agency users go to their own surveys.</summary>
internal sealed class IndexModel(ManageWaves waves) : PageModel
{
    public IReadOnlyList<WaveRow> Waves { get; private set; } = [];
    public bool MayManage => waves.MayManage;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var list = await waves.ListAsync(ct);
        if (!list.IsOk)
            return RedirectToPage("/Surveys/Mine");
        Waves = list.Value!;
        return Page();
    }
}
