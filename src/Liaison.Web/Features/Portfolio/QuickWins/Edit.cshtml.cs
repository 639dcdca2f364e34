using System.Globalization;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Portfolio.QuickWins;

/// <summary>Logs a quick win (no id) or shows and edits one, with its history.</summary>
internal sealed class EditModel(ManageQuickWins log, PeopleOptions people, RecordHistory history, OrganisationClock clock) : PageModel
{
    [BindProperty]
    public QuickWinInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public bool CanEdit { get; private set; } = true;
    public string Heading => Id is null ? "Log a quick win" : CanEdit ? "Edit quick win" : Input.TaskName;
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> StaffOptions { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }
    public IReadOnlyList<HistoryEntry>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, int? agencyId, CancellationToken ct)
    {
        if (!log.MaySee)
            return Forbid();
        Id = id;
        if (id is { } existing)
        {
            var item = await log.GetAsync(existing, ct);
            if (this.Refusal(item) is { } refusal)
                return refusal;
            Input = QuickWinInput.From(item.Value!);
            CanEdit = await log.CanEditAsync(item.Value!.AgencyId, ct);
            History = await history.ForAsync(nameof(QuickWin), existing.ToString(CultureInfo.InvariantCulture), ct);
        }
        else
        {
            Input.AgencyId = agencyId;
            Input.CompletedOn = clock.Today;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await log.UpdateAsync(existing, Input, ct) : await log.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? $"“{result.Value!.TaskName}” has been logged." : "Your changes have been saved.";
            return RedirectToPage("/Portfolio/QuickWins/Index");
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Conflict = this.ShowProblems(result, Input);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AgencyOptions = await people.AgenciesAsync(ct);
        StaffOptions = await people.StaffAsync(ct);
    }
}
