using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.ActionItems;

/// <summary>Adds an action item (no id; for an agency, optionally from a meeting or an interaction) or edits one.</summary>
internal sealed class EditModel(ManageActionItems items, InteractionOptions options, PeopleOptions people, AccessRule access) : PageModel
{
    [BindProperty]
    public ActionItemInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public string Heading => Id is null ? "Add an action item" : "Edit action item";
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> OwnerOptions { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }

    public static List<SelectListItem> Statuses =>
        Enum.GetValues<ActionStatus>().Select(s => new SelectListItem(ActionStatuses.Label(s), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int? id, int? agencyId, int? meetingId, int? interactionId, CancellationToken ct)
    {
        Id = id;
        agencyId ??= int.TryParse(Request.Query["Input.AgencyId"], out var chosen) ? chosen : null;
        if (id is { } existing)
        {
            var item = await items.GetAsync(existing, ct);
            if (this.Refusal(item) is { } refusal)
                return refusal;
            if (!(await items.RightsAsync(item.Value!, ct)).Edit)
                return Forbid();
            Input = ActionItemInput.From(item.Value!);
        }
        else
        {
            if (!access.CanStartEngagementRecords)
                return Forbid();
            Input.AgencyId = agencyId;
            Input.MeetingId = meetingId;
            Input.InteractionId = interactionId;
            // The manager adding an item usually owns it; another owner is one choice away.
            if (access.StaffPersonId is { } me)
                Input.OwnerPersonId = me;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await items.UpdateAsync(existing, Input, ct) : await items.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? $"“{result.Value!.Title}” has been added." : "Your changes have been saved.";
            return result.Value!.MeetingId is { } meetingId && id is null
                ? RedirectToPage("/Relationships/Meetings/Details", new { id = meetingId })
                : RedirectToPage("/Relationships/ActionItems/Details", new { id = result.Value!.Id });
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
        OwnerOptions = Input.AgencyId is { } agencyId ? await options.AttendeesAsync([agencyId], ct) : [];
    }
}
