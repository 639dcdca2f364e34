using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Directory.People;

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
        CanEdit = await access.CanEditPersonAsync(Person, ct);
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(People.Person), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, true, ct);

    private Task<IActionResult> ToggleAsync(int id, bool active, CancellationToken ct) =>
        this.SetActiveAsync(id, save.SetActiveAsync(id, active, ct), r => active ? $"{r.FullName} is active again." : $"{r.FullName} is now inactive. Their records are kept.");
}
