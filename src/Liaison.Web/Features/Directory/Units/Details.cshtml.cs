using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Directory.Units;

internal sealed class DetailsModel(ManageUnits units, RecordHistory history, AccessRule access) : PageModel
{
    public OperationalUnit Unit { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanManage => access.CanManageReferenceData;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await units.GetAsync(id, ct);
        if (!result.IsOk)
            return NotFound();
        Unit = result.Value!;
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(OperationalUnit), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, true, ct);

    private Task<IActionResult> ToggleAsync(int id, bool active, CancellationToken ct) =>
        this.SetActiveAsync(id, units.SetActiveAsync(id, active, ct), r => active ? $"{r.Name} is active again." : $"{r.Name} is now inactive.");
}
