using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.Extensions.Options;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>
/// A meeting as a calendar event and as an iCalendar file, in the organisation's time zone: the same UID wherever it is
/// read (<c>meeting-{id}@</c> the public URL's host), the organisation's mailbox as organiser, a link to the meeting.
/// </summary>
internal sealed class MeetingCalendar(OrganisationClock time, PublicUrls urls, IOptions<EmailOptions> email)
{
    /// <summary>
    /// The meeting as an iCalendar file: by default a calendar to add (a download, a feed: no attendees, as RFC 5546 has
    /// it); as an invitation to its attendees or its cancellation, the same UID with the meeting's version as SEQUENCE.
    /// </summary>
    public string IcsOf(Meeting meeting, CalendarMethod method = CalendarMethod.Publish) =>
        CalendarFile.Write(meeting.Title, [EventOf(meeting)], time.IanaZoneId, method);

    public CalendarEvent EventOf(Meeting m)
    {
        var agenda = string.Join("\n", m.AgendaItems.OrderBy(a => a.Position).Select((a, i) => $"{i + 1}. {a.Text}"));
        return new CalendarEvent($"meeting-{m.Id}@{urls.Host}", m.Title, m.StartsAt, m.EndsAt, null, m.Location,
            agenda.Length == 0 ? null : "Agenda\n" + agenda, m.Status == MeetingStatus.Cancelled, m.Version, m.UpdatedAt)
        {
            Url = urls.Link($"Meetings/Details/{m.Id}"),
            Organizer = new CalendarPerson(email.Value.FromName, email.Value.From),
            Attendees = m.MailRecipients().Select(p => new CalendarPerson(p.FullName, p.Email!)).ToList(),
        };
    }
}
