using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Liaison.Web.Platform.Web;
using IcalCalendar = Ical.Net.Calendar;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Liaison.Web.Platform.Calendars;

/// <summary>
/// One event of an iCalendar file: a timed meeting, or an all-day reminder (an action item's due date). Its UID is the same
/// wherever it is read (the public URL's host, never a request's), so a calendar updates the event rather than adding one.
/// </summary>
internal sealed record CalendarEvent(string Uid, string Summary, DateTime? StartsUtc, DateTime? EndsUtc, DateOnly? AllDay,
    string? Location, string? Description, bool Cancelled, int Sequence, DateTime StampUtc)
{
    /// <summary>The record's page in Liaison.</summary>
    public string? Url { get; init; }

    public CalendarPerson? Organizer { get; init; }

    /// <summary>Written only in an invitation (METHOD:REQUEST or CANCEL); a published calendar carries none (RFC 5546).</summary>
    public IReadOnlyList<CalendarPerson> Attendees { get; init; } = [];
}

/// <summary>A person as a calendar names them: a mailbox and the name shown for it.</summary>
internal sealed record CalendarPerson(string Name, string Email);

/// <summary>What a calendar file asks of its reader (RFC 5546).</summary>
internal enum CalendarMethod
{
    /// <summary>A calendar to show (a feed, a download).</summary>
    Publish,

    /// <summary>An invitation, or its update (the same UID, a higher SEQUENCE).</summary>
    Request,

    /// <summary>The event is cancelled: calendars remove it.</summary>
    Cancel,
}

/// <summary>
/// Writes RFC 5545 iCalendar with Ical.Net: meetings in the organisation's time zone, described by a VTIMEZONE with its
/// daylight-saving rules (so Outlook and phones show the local time the organiser chose, across a change of clocks),
/// all-day reminders as dates. Text is escaped and lines folded by the library; the tests parse every file with ical.js.
/// </summary>
internal static class CalendarFile
{
    public static string Write(string name, IEnumerable<CalendarEvent> events, string timeZoneId, CalendarMethod method = CalendarMethod.Publish)
    {
        var calendar = new IcalCalendar { Method = method.ToString().ToUpperInvariant(), ProductId = "-//Liaison//Relationships//EN" };
        calendar.AddProperty("X-WR-CALNAME", Text(name)!);
        calendar.AddProperty("X-WR-TIMEZONE", timeZoneId);
        var list = events.ToList();
        if (list.Any(e => e.AllDay is null))
        {
            // The zone's rules from the earliest meeting in the file on (a VTIMEZONE of every historical change is long).
            var earliest = list.Where(e => e.StartsUtc is not null).Min(e => e.StartsUtc!.Value);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(timeZoneId, earliest.AddYears(-1), includeHistoricalData: false));
        }
        foreach (var e in list)
        {
            var item = new IcalEvent
            {
                Uid = e.Uid,
                DtStamp = new CalDateTime(DateTime.SpecifyKind(e.StampUtc, DateTimeKind.Utc)),
                Summary = Text(e.Summary),
                Location = Text(e.Location),
                Description = Text(e.Description),
                Status = e.Cancelled || method == CalendarMethod.Cancel ? "CANCELLED" : "CONFIRMED",
                Sequence = e.Sequence,
            };
            if (e.Url is { } url)
                item.Url = new Uri(url);
            if (e.Organizer is { } organizer)
                item.Organizer = new Organizer("mailto:" + organizer.Email) { CommonName = Text(organizer.Name) };
            if (method != CalendarMethod.Publish)
            {
                foreach (var attendee in e.Attendees)
                {
                    item.Attendees.Add(new Attendee("mailto:" + attendee.Email)
                    {
                        CommonName = Text(attendee.Name),
                        Role = "REQ-PARTICIPANT",
                        ParticipationStatus = "NEEDS-ACTION",
                        Rsvp = false,
                    });
                }
            }
            if (e.AllDay is { } day)
            {
                // An all-day event lasts its day when it has no end (RFC 5545, 3.6.1).
                item.DtStart = new CalDateTime(day);
                item.Transparency = "TRANSPARENT";
            }
            else
            {
                item.DtStart = new CalDateTime(DateTime.SpecifyKind(e.StartsUtc!.Value, DateTimeKind.Utc)).ToTimeZone(timeZoneId);
                item.DtEnd = new CalDateTime(DateTime.SpecifyKind(e.EndsUtc!.Value, DateTimeKind.Utc)).ToTimeZone(timeZoneId);
            }
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>Text as a calendar can carry it: no control character but line breaks (the library escapes the rest).</summary>
    private static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : InputRules.Printable(text)!.Replace("\r\n", "\n", StringComparison.Ordinal);
}
