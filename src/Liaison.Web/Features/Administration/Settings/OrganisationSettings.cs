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

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The fiscal year a date falls in, named by the calendar year it ends in (FY27 = Jul 2026–Jun 2027).</summary>
    public int FiscalYearOf(DateOnly date) =>
        FiscalYearStartMonth == 1 || date.Month < FiscalYearStartMonth ? date.Year : date.Year + 1;
}
