namespace Liaison.Web.Platform.Time;

/// <summary>Calendar months as Liaison keeps them: by their first day.</summary>
internal static class Months
{
    /// <summary>The first day of the month <paramref name="day"/> falls in.</summary>
    public static DateOnly StartOfMonth(this DateOnly day) => new(day.Year, day.Month, 1);
}
