using System.Globalization;
using System.Text;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

internal sealed class DetailsModel(ManageMeetings meetings, MeetingCalendar calendar, SendMeetingAgenda agenda, ManageActionItems actions, RecordHistory history, AccessRule access, OrganisationClock time) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public IReadOnlyList<ActionItemRow> Actions { get; private set; } = [];
    public IReadOnlyList<HistoryEntry>? History { get; private set; }
    public bool CanEdit { get; private set; }
    public OrganisationClock Time => time;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var result = await meetings.GetAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        Meeting = result.Value!;
        CanEdit = await meetings.CanEditAsync(Meeting.Agencies.Select(a => a.AgencyId), ct);
        Actions = await ManageActionItems.Rows(actions.Filtered(new ActionItemListQuery(Status: "all", MeetingId: id))).ToListAsync(ct);
        if (access.CanSeeHistory)
            History = await history.ForAsync(nameof(Meetings.Meeting), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(int id, CancellationToken ct)
    {
        var result = await meetings.GetAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        return File(Encoding.UTF8.GetBytes(calendar.IcsOf(result.Value!)), "text/calendar; charset=utf-8", $"meeting-{id}.ics");
    }

    public async Task<IActionResult> OnPostSendAgendaAsync(int id, CancellationToken ct)
    {
        var result = await agenda.SendAsync(id, ct);
        if (this.Refusal(result) is { } refusal)
            return refusal;
        TempData["Status"] = result.IsOk ? $"The agenda is on its way to {result.Value} attendees." : string.Join(" ", result.Errors.SelectMany(e => e.Value));
        return RedirectToPage(new { id });
    }
}
