using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>Plans a meeting (no id; choose its agencies first) or edits one, including recording it as held.</summary>
internal sealed class EditModel(ManageMeetings meetings, InteractionOptions options, PeopleOptions people, AccessRule access, OrganisationClock time) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public int? Id { get; private set; }
    public string Heading => Id is null ? "Plan a meeting" : $"Edit {Input.Title}";
    public List<SelectListItem> AgencyOptions { get; private set; } = [];
    public List<SelectListItem> AttendeeOptions { get; private set; } = [];
    public ConflictInfo? Conflict { get; private set; }
    public string ZoneName => time.Zone.Id;

    public static List<SelectListItem> Kinds => Enum.GetValues<MeetingKind>().Select(k => new SelectListItem(MeetingKinds.Label(k), k.ToString())).ToList();

    public static List<SelectListItem> Statuses => Enum.GetValues<MeetingStatus>().Select(s => new SelectListItem(s.ToString(), s.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int? id, [FromQuery(Name = "Input.AgencyIds")] List<int>? agencyIds, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var meeting = await meetings.GetAsync(existing, ct);
            if (this.Refusal(meeting) is { } refusal)
                return refusal;
            if (!await meetings.CanEditAsync(meeting.Value!.Agencies.Select(a => a.AgencyId), ct))
                return Forbid();
            Input = MeetingInput.From(meeting.Value!, time);
        }
        else
        {
            if (!access.CanStartEngagementRecords)
                return Forbid();
            // From an agency's page (?agencyId=) or after choosing agencies (?Input.AgencyIds=); the binder gives an empty list for neither.
            Input.AgencyIds = agencyIds is { Count: > 0 } ? agencyIds : int.TryParse(Request.Query["agencyId"], out var one) ? [one] : [];
            // The manager planning it usually attends it.
            if (access.StaffPersonId is { } me)
                Input.AttendeeIds = [me];
            var start = time.ToLocal(time.UtcNow).Date.AddDays(7).AddHours(10);
            Input.StartsAt = start;
            Input.EndsAt = start.AddHours(1);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        var result = id is { } existing ? await meetings.UpdateAsync(existing, Input, ct) : await meetings.CreateAsync(Input, ct);
        if (result.IsOk)
        {
            TempData["Status"] = id is null ? $"“{result.Value!.Title}” is planned. The agenda goes to the attendees two days before." : "Your changes to the meeting have been saved.";
            return RedirectToPage("/Relationships/Meetings/Details", new { id = result.Value!.Id });
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
        AttendeeOptions = Input.AgencyIds.Count > 0 ? await options.AttendeesAsync(Input.AgencyIds, ct) : [];
    }
}
