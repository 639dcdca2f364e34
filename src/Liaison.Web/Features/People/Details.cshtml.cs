using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.People;

internal sealed class DetailsModel(GetPerson get, SavePerson save, RecordHistory history, AccessRule access) : PageModel
{
    public Person Person { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanEdit { get; private set; }
    public bool ShowInternal => access.CanSeeInternalNotes;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsOk)
            return NotFound();
        Person = result.Value!;
        CanEdit = access.CanEditPerson(Person);
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(People.Person), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => SetActiveAsync(id, true, ct);

    private async Task<IActionResult> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var result = await save.SetActiveAsync(id, active, ct);
        if (result.Status == ResultStatus.NotFound)
            return NotFound();
        if (result.Status == ResultStatus.Forbidden)
            return Forbid();
        TempData["Status"] = active ? $"{result.Value!.FullName} is active again." : $"{result.Value!.FullName} is now inactive. Their records are kept.";
        return RedirectToPage(new { id });
    }
}
