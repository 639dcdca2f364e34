using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Modules;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// A reminder of a renewal that went out in someone's daily digest: who, on which day, and at which point of the
/// schedule. One per renewal, person, last safe date and point (a unique key), so a point is never sent twice, whichever
/// instance composes the digest; a new last safe date (the term was changed) starts the schedule again. Liaison's own
/// record of what it did, so not audited, and it moves no agency's health.
/// </summary>
[NotAudited]
[AgencyHealthNeutral]
internal sealed class RenewalReminder
{
    public long Id { get; set; }
    public int RenewalId { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }

    /// <summary>The last safe date the reminder counted from.</summary>
    public DateOnly LastSafeDate { get; set; }

    /// <summary>The point of the schedule: days before the last safe date (180 … 7), or after it when negative (−1, −8 …).</summary>
    public int DaysBefore { get; set; }

    /// <summary>The day of the digest that carried it.</summary>
    public DateOnly SentOn { get; set; }

    public DateTime SentAt { get; set; }
}

/// <summary>When a renewal's reminders are due: the offsets before its last safe date, then the day after and every interval.</summary>
internal static class ReminderSchedule
{
    /// <summary>
    /// The latest point of the schedule reached by <paramref name="today"/>, or null before the first. A run that missed
    /// some points (the app was down) finds only the latest, so a catch-up sends one reminder, not one per missed point.
    /// </summary>
    public static int? PointOn(DateOnly lastSafeDate, DateOnly today, IReadOnlyList<int> offsets, int intervalDays)
    {
        var left = lastSafeDate.DayNumber - today.DayNumber;
        if (left >= 0)
        {
            int? point = null;
            foreach (var offset in offsets)
            {
                if (offset >= left && (point is null || offset < point))
                    point = offset;
            }
            return point;
        }
        var past = -left; // 1 = the day after
        return -(1 + (past - 1) / Math.Max(1, intervalDays) * Math.Max(1, intervalDays));
    }

    /// <summary>How a point reads on the renewal's page: "180 days before", "the day after", "15 days after".</summary>
    public static string Describe(int daysBefore) => daysBefore switch
    {
        1 => "1 day before",
        > 0 => $"{daysBefore} days before",
        0 => "on the day",
        -1 => "the day after",
        _ => $"{-daysBefore} days after",
    };
}
