using System.Globalization;
using System.Text;

namespace Liaison.Web.Features.Meetings;

/// <summary>One event of an iCalendar file: a timed meeting, or an all-day reminder (an action item's due date).</summary>
internal sealed record CalendarEvent(string Uid, string Summary, DateTime? StartsUtc, DateTime? EndsUtc, DateOnly? AllDay,
    string? Location, string? Description, bool Cancelled, int Sequence, DateTime StampUtc);

/// <summary>
/// Writes RFC 5545 iCalendar: CRLF lines folded at 75 octets, text escaped, times in UTC. Small
/// enough to write (no iCalendar library is available here); the tests parse it back with ical.js.
/// </summary>
internal static class Calendar
{
    public static string Write(string name, IEnumerable<CalendarEvent> events)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Liaison//Relationships//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(name),
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add("UID:" + e.Uid);
            lines.Add("DTSTAMP:" + Utc(e.StampUtc));
            if (e.AllDay is { } day)
            {
                lines.Add("DTSTART;VALUE=DATE:" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                // An all-day event lasts the day by default (RFC 5545, 3.6.1); the end is written except on the last day a date can name.
                if (day < DateOnly.MaxValue)
                    lines.Add("DTEND;VALUE=DATE:" + day.AddDays(1).ToString("yyyyMMdd", CultureInfo.InvariantCulture));
                lines.Add("TRANSP:TRANSPARENT");
            }
            else
            {
                lines.Add("DTSTART:" + Utc(e.StartsUtc!.Value));
                lines.Add("DTEND:" + Utc(e.EndsUtc!.Value));
            }
            lines.Add("SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Location))
                lines.Add("LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Description))
                lines.Add("DESCRIPTION:" + Escape(e.Description));
            lines.Add("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            lines.Add("SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
            Fold(text, line);
        return text.ToString();
    }

    private static string Utc(DateTime utc) => utc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) => Liaison.Web.Platform.Web.InputRules.Printable(text)!
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space; a UTF-8 character is never split.</summary>
    private static void Fold(StringBuilder output, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                output.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
