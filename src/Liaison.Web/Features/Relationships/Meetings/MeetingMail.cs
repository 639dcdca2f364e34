using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>What a meeting's mail to its attendees says.</summary>
internal enum MeetingMailKind
{
    /// <summary>The agenda and the invitation.</summary>
    Agenda,

    /// <summary>The time or place changed after the agenda went out: the invitation again, with the next SEQUENCE.</summary>
    Update,

    /// <summary>The meeting is cancelled: METHOD:CANCEL, so calendars remove it.</summary>
    Cancellation,

    /// <summary>The person was taken off the attendees after the agenda went out: METHOD:CANCEL for their calendar only.</summary>
    Uninvited,
}

/// <summary>
/// Writes a meeting's mail to its attendees (who are active and have an address): plain text and HTML, a link to the
/// meeting, and the meeting as a calendar invitation with the same UID every time, so an update or a cancellation changes
/// the event already in their calendars. Queued in the caller's transaction.
/// </summary>
internal sealed class MeetingMail(MeetingCalendar calendar, OrganisationClock time, PublicUrls urls, SiteSettings settings, Outbox outbox)
{
    /// <summary>
    /// Queues the mail to each attendee (or to <paramref name="only"/>: people added or taken off); answers how many. The
    /// meeting comes with its agencies, agenda and attendees' people.
    /// </summary>
    public async Task<int> EnqueueAsync(Meeting meeting, MeetingMailKind kind, CancellationToken ct, IEnumerable<Directory.People.Person>? only = null)
    {
        var recipients = (only?.Where(p => p.IsActive && !string.IsNullOrWhiteSpace(p.Email)) ?? meeting.MailRecipients()).ToList();
        if (recipients.Count == 0)
            return 0;
        var organisation = (await settings.GetAsync(ct)).OrganisationName;
        var method = kind is MeetingMailKind.Cancellation or MeetingMailKind.Uninvited ? CalendarMethod.Cancel : CalendarMethod.Request;
        var ics = Encoding.UTF8.GetBytes(calendar.IcsOf(meeting, method));
        var when = time.Format(meeting.StartsAt);
        var subject = kind switch
        {
            MeetingMailKind.Update => $"Changed: {meeting.Title}, now {when}",
            MeetingMailKind.Cancellation => $"Cancelled: {meeting.Title}, {when}",
            MeetingMailKind.Uninvited => $"No longer expected: {meeting.Title}, {when}",
            _ => $"Agenda: {meeting.Title}, {when}",
        };
        var lead = kind switch
        {
            MeetingMailKind.Update => "The time or place of this meeting has changed. The attached invitation updates your calendar.",
            MeetingMailKind.Cancellation => "This meeting is cancelled. The attached cancellation removes it from your calendar.",
            MeetingMailKind.Uninvited => "You have been taken off this meeting's attendees; it goes ahead without you. The attached cancellation removes it from your calendar.",
            _ => "The attached invitation adds the meeting to your calendar.",
        };
        var facts = new List<(string Label, string Value)>
        {
            ("When", $"{when} ({time.Zone.Id})"),
            ("Where", meeting.Location ?? "to be confirmed"),
            ("With", string.Join(", ", meeting.Agencies.Select(a => a.Agency?.Name).OfType<string>())),
        };
        var agenda = meeting.AgendaItems.OrderBy(a => a.Position).Select(a => a.Text).ToList();
        var link = urls.Link($"Meetings/Details/{meeting.Id}");

        var text = new StringBuilder().AppendLine(meeting.Title).AppendLine(lead).AppendLine();
        foreach (var (label, value) in facts)
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
        text.AppendLine().AppendLine("Agenda")
            .AppendLine(agenda.Count == 0 ? "(to follow)" : string.Join("\n", agenda.Select((a, i) => $"{i + 1}. {a}")))
            .AppendLine().AppendLine(CultureInfo.InvariantCulture, $"The meeting in Liaison: {link}")
            .AppendLine(CultureInfo.InvariantCulture, $"— {organisation}");

        var html = HtmlEncoder.Default;
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"en\"><body style=\"font-family: sans-serif; color: #1b1b1b;\">")
            .Append(CultureInfo.InvariantCulture, $"<h1 style=\"font-size: 1.25rem;\">{html.Encode(meeting.Title)}</h1><p>{html.Encode(lead)}</p><table role=\"presentation\">");
        foreach (var (label, value) in facts)
            body.Append(CultureInfo.InvariantCulture, $"<tr><th scope=\"row\" style=\"text-align: left; padding-right: 1rem;\">{html.Encode(label)}</th><td>{html.Encode(value)}</td></tr>");
        body.Append("</table><h2 style=\"font-size: 1.1rem;\">Agenda</h2>")
            .Append(agenda.Count == 0 ? "<p>To follow.</p>" : "<ol>" + string.Concat(agenda.Select(a => $"<li>{html.Encode(a)}</li>")) + "</ol>")
            .Append(CultureInfo.InvariantCulture, $"<p><a href=\"{html.Encode(link)}\">Open the meeting in Liaison</a></p><p>— {html.Encode(organisation)}</p></body></html>");

        var contentType = $"text/calendar; charset=utf-8; method={method.ToString().ToUpperInvariant()}";
        foreach (var person in recipients)
            outbox.Enqueue(person.Email!, subject, text.ToString(), body.ToString(), attachment: ($"meeting-{meeting.Id}.ics", contentType, ics));
        return recipients.Count;
    }
}
