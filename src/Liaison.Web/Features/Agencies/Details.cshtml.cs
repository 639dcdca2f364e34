using System.Globalization;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Agencies;

/// <summary>
/// The agency page: everything about one agency in one place — its details, its managers, its
/// contacts and their cadence, recent interactions (with a quick way to add one), open action items,
/// upcoming meetings and the relationship health summary.
/// </summary>
internal sealed class DetailsModel(GetAgency get, SaveAgency save, GetAgencyRelationships relationships, ManageAssignments assignments,
    RecordHistory history, AccessRule access, OrganisationClock clock, Portfolio.ManageInitiatives initiatives) : PageModel
{
    public IReadOnlyList<Portfolio.SharedInitiative> Initiatives { get; private set; } = [];
    public AgencyDetails Details { get; private set; } = null!;
    public AgencyRelationships Relationships { get; private set; } = null!;
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanManage => access.CanManageReferenceData;
    public bool ShowInternal => access.CanSeeInternalNotes;
    public bool IsProvider => access.User.IsProviderUser;
    public List<SelectListItem> ManagerOptions { get; private set; } = [];
    public List<SelectListItem> QuickAttendees { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty]
    public AssignmentInput Managers { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await get.HandleAsync(id, ct);
        if (!result.IsOk)
            return NotFound();
        await LoadAsync(id, result.Value!, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostManagersAsync(int id, CancellationToken ct)
    {
        var result = await assignments.AssignAsync(id, Managers, ct);
        if (result.IsOk)
        {
            TempData["Status"] = "The relationship managers have been updated.";
            return RedirectToPage(new { id });
        }
        if (this.Refusal(result) is { } refusal)
            return refusal;
        ModelState.AddErrors(result.Errors, "Managers");
        await LoadAsync(id, (await get.HandleAsync(id, ct)).Value!, ct);
        return Page();
    }

    public Task<IActionResult> OnPostDeactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, false, ct);

    public Task<IActionResult> OnPostReactivateAsync(int id, CancellationToken ct) => ToggleAsync(id, true, ct);

    private Task<IActionResult> ToggleAsync(int id, bool active, CancellationToken ct) =>
        this.SetActiveAsync(id, save.SetActiveAsync(id, active, ct),
            r => active ? $"{r.Name} is active again." : $"{r.Name} is now inactive. Its records are kept.");

    private async Task LoadAsync(int id, AgencyDetails details, CancellationToken ct)
    {
        Details = details;
        Relationships = (await relationships.HandleAsync(id, ct))!;
        Initiatives = await initiatives.SharedForAgencyAsync(id, ct);
        CanEdit = await access.CanEditAgencyRecordsAsync(id, ct);
        Today = clock.Today;
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(Agency), id.ToString(CultureInfo.InvariantCulture), ct);
        if (CanManage)
        {
            ManagerOptions = Shared.Options.Of(await assignments.RelationshipManagersAsync(ct)).ToList();
            if (ModelState.IsValid)
                Managers = new AssignmentInput { PrimaryUserId = Relationships.Managers.Primary?.Id, BackupUserId = Relationships.Managers.Backup?.Id };
        }
        if (CanEdit)
            // The quick form offers the agency's active contacts: the matrix has just read them.
            QuickAttendees = Relationships.Contacts
                .Select(c => new SelectListItem(c.Name + (c.Title is null ? "" : $", {c.Title}"), c.PersonId.ToString(CultureInfo.InvariantCulture)))
                .ToList();
    }
}
