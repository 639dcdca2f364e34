using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>A meeting as a calendar event and as an iCalendar file, in the organisation's time zone.</summary>
internal sealed class MeetingCalendar(OrganisationClock time, PublicUrls urls)
{
    /// <summary>The meeting as an iCalendar file, in the organisation's time zone.</summary>
    public string IcsOf(Meeting meeting) => CalendarFile.Write(meeting.Title, [EventOf(meeting)], time.IanaZoneId);

    public CalendarEvent EventOf(Meeting m)
    {
        var host = urls.Host;
        var agenda = string.Join("\n", m.AgendaItems.OrderBy(a => a.Position).Select((a, i) => $"{i + 1}. {a.Text}"));
        return new CalendarEvent($"meeting-{m.Id}@{host}", m.Title, m.StartsAt, m.EndsAt, null, m.Location,
            agenda.Length == 0 ? null : "Agenda\n" + agenda, m.Status == MeetingStatus.Cancelled, m.Version, m.UpdatedAt);
    }
}
