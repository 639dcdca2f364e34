using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Directory.LinesOfService;

internal sealed class DetailsModel(ManageLinesOfService lines, RecordHistory history, AccessRule access) : PageModel
{
    public LineOfService Line { get; private set; } = null!;
    public IReadOnlyList<NamedRef> Agencies { get; private set; } = [];
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanManage => access.CanManageReferenceData;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await lines.GetAsync(id, ct);
        if (!result.IsOk)
            return NotFound();
        Line = result.Value!;
        Agencies = await lines.AgenciesAsync(id, ct);
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(LineOfService), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, true, ct);

    private Task<IActionResult> ToggleAsync(int id, bool active, CancellationToken ct) =>
        this.SetActiveAsync(id, lines.SetActiveAsync(id, active, ct), r => active ? $"{r.Name} is active again." : $"{r.Name} is now inactive.");
}
