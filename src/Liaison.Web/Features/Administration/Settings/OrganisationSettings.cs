using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Administration.Settings;

/// <summary>The deployment's own words and calendar. One row.</summary>
internal sealed class OrganisationSettings : IVersioned, ITimestamped
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public string OrganisationName { get; set; } = "Central IT";

    /// <summary>What relationship managers are called here: ARM, client liaison, ...</summary>
    public string RelationshipManagerTitle { get; set; } = "Relationship manager";

    /// <summary>
    /// The title inside a sentence ("No ARM", "No relationship manager"): an acronym or a name with capitals inside keeps
    /// its case; only a capital that merely starts a sentence-case title is lowered.
    /// </summary>
    public string RelationshipManagerTerm => InSentence(RelationshipManagerTitle);

    internal static string InSentence(string title)
    {
        var firstWord = title.Split(' ', 2)[0];
        return firstWord.Length < 2 || !char.IsUpper(firstWord[0]) || firstWord.Skip(1).Any(char.IsUpper)
            ? title
            : char.ToLowerInvariant(title[0]) + title[1..];
    }

    /// <summary>1 = January ... 12 = December. July by default, as most US states.</summary>
    public int FiscalYearStartMonth { get; set; } = 7;

    /// <summary>The days before a renewal's last safe date on which its reminders go out, as typed ("180, 90, 60, 30, 14, 7").</summary>
    public string RenewalReminderDays { get; set; } = DefaultRenewalReminderDays;

    public const string DefaultRenewalReminderDays = "180, 90, 60, 30, 14, 7";

    /// <summary>Once the last safe date has passed, a reminder the day after and then every so many days (weekly by default).</summary>
    public int RenewalReminderIntervalDays { get; set; } = 7;

    /// <summary><see cref="RenewalReminderDays"/> as numbers, largest first (what cannot be read is left out; the form refuses it).</summary>
    public IReadOnlyList<int> RenewalReminderOffsets => ParseDays(RenewalReminderDays) ?? [];

    /// <summary>The days in a list such as "180, 90, 60", largest first without repeats; null when a part is not a whole number of days from 1 to 730.</summary>
    public static List<int>? ParseDays(string? text)
    {
        var days = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) || day is < 1 or > 730)
                return null;
            days.Add(day);
        }
        return [.. days];
    }

    /// <summary>The months the service assessment goes out on its own, as typed ("1, 7": January and July).</summary>
    public string SurveyMonths { get; set; } = DefaultSurveyMonths;

    public const string DefaultSurveyMonths = "1, 7";

    /// <summary>How many days a scheduled assessment stays open.</summary>
    public int SurveyOpenDays { get; set; } = 21;

    /// <summary>The days after a wave opens on which those who have not answered are reminded ("7, 14").</summary>
    public string SurveyReminderDays { get; set; } = DefaultSurveyReminderDays;

    public const string DefaultSurveyReminderDays = "7, 14";

    /// <summary>The most reminders one recipient gets in a wave, whether on the days above or sent by hand.</summary>
    public int SurveyMaxReminders { get; set; } = 2;

    /// <summary>The state's holidays, one date (yyyy-MM-dd) per line or separated by commas: not business days.</summary>
    public string Holidays { get; set; } = "";

    /// <summary><see cref="SurveyMonths"/> as month numbers, in order (what cannot be read is left out; the form refuses it).</summary>
    public IReadOnlyList<int> SurveyMonthNumbers => ParseMonths(SurveyMonths) ?? [];

    /// <summary><see cref="SurveyReminderDays"/> as numbers, smallest first.</summary>
    public IReadOnlyList<int> SurveyReminderOffsets => (ParseDays(SurveyReminderDays) ?? []).OrderBy(d => d).ToList();

    /// <summary>Months in a list such as "1, 7", in order without repeats; null when a part is not a month number.</summary>
    public static List<int>? ParseMonths(string? text)
    {
        var months = new SortedSet<int>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month) || month is < 1 or > 12)
                return null;
            months.Add(month);
        }
        return [.. months];
    }

    /// <summary>The dates of a holiday list, in order without repeats; null when a part is not a date written yyyy-MM-dd.</summary>
    public static List<DateOnly>? ParseHolidays(string? text)
    {
        var days = new SortedSet<DateOnly>();
        foreach (var part in (text ?? "").Split([',', ';', '\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                return null;
            days.Add(day);
        }
        return [.. days];
    }

    /// <summary>Whether <paramref name="day"/> is a working day: not a Saturday, a Sunday or one of the state's holidays.</summary>
    public bool IsBusinessDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !(_holidays ??= (ParseHolidays(Holidays) ?? []).ToHashSet()).Contains(day);

    private HashSet<DateOnly>? _holidays;

    /// <summary>
    /// The day <paramref name="days"/> business days after <paramref name="from"/>: from a Friday, 2 business days is the
    /// Tuesday (the Monday if it is not a holiday is the first). The day itself never counts.
    /// </summary>
    public DateOnly AddBusinessDays(DateOnly from, int days)
    {
        var day = from;
        for (var left = days; left > 0;)
        {
            day = day.AddDays(1);
            if (IsBusinessDay(day))
                left--;
        }
        return day;
    }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The fiscal year a date falls in, named by the calendar year it ends in (FY27 = Jul 2026–Jun 2027).</summary>
    public int FiscalYearOf(DateOnly date) =>
        FiscalYearStartMonth == 1 || date.Month < FiscalYearStartMonth ? date.Year : date.Year + 1;
}
