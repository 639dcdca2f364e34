using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Agencies;

internal sealed class DetailsModel(GetAgency get, SaveAgency save, RecordHistory history, AccessRule access) : PageModel
{
    public AgencyDetails Details { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanManage => access.CanManageReferenceData;
    public bool CanAddContact { get; private set; }
    public bool ShowInternal => access.CanSeeInternalNotes;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsOk)
            return NotFound();
        Details = result.Value!;
        CanEdit = access.CanEditAgencyRecords(id);
        CanAddContact = CanEdit;
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(Agency), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => await SetActiveAsync(id, false, ct);

    public async Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => await SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var result = await save.SetActiveAsync(id, active, ct);
        if (result.Status == Platform.Web.ResultStatus.NotFound)
            return NotFound();
        if (result.Status == Platform.Web.ResultStatus.Forbidden)
            return Forbid();
        TempData["Status"] = active ? $"{result.Value!.Name} is active again." : $"{result.Value!.Name} is now inactive. Its records are kept.";
        return RedirectToPage(new { id });
    }
}
