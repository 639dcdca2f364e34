namespace Liaison.Web.Features.Relationships;

internal enum CadenceState
{
    /// <summary>As needed or as requested, or no frequency set: nothing is ever due.</summary>
    NotTracked,
    OnTrack,

    /// <summary>Due within the next week.</summary>
    DueSoon,
    Overdue,
}

/// <summary>
/// When a contact should next be touched: the last interaction that included them plus the
/// engagement plan's interval (weekly 7 days, semi-monthly 15, monthly 31, quarterly 92). A contact
/// never touched is due at once. The next touch is overdue from the day after it was due.
/// </summary>
internal static class Cadence
{
    public const int DueSoonDays = 7;

    public static int? IntervalDays(Frequency? frequency) => frequency switch
    {
        Frequency.W => 7,
        Frequency.S => 15,
        Frequency.M => 31,
        Frequency.Q => 92,
        _ => null,
    };

    /// <summary>The day the next touch is due, or null when the frequency does not track one. Null last touch: due today.</summary>
    public static DateOnly? NextDue(Frequency? frequency, DateOnly? lastTouch, DateOnly today) =>
        IntervalDays(frequency) is { } days ? lastTouch?.AddDays(days) ?? today : null;

    public static CadenceState State(Frequency? frequency, DateOnly? lastTouch, DateOnly today)
    {
        if (NextDue(frequency, lastTouch, today) is not { } due)
            return CadenceState.NotTracked;
        if (lastTouch is null || today > due)
            return CadenceState.Overdue;
        return due.DayNumber - today.DayNumber <= DueSoonDays ? CadenceState.DueSoon : CadenceState.OnTrack;
    }

    public static string Label(CadenceState state) => state switch
    {
        CadenceState.Overdue => "Overdue",
        CadenceState.DueSoon => "Due soon",
        CadenceState.OnTrack => "On track",
        _ => "Not tracked",
    };
}
