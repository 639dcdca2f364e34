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

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    /// <summary>The fiscal year a date falls in, named by the calendar year it ends in (FY27 = Jul 2026–Jun 2027).</summary>
    public int FiscalYearOf(DateOnly date) =>
        FiscalYearStartMonth == 1 || date.Month < FiscalYearStartMonth ? date.Year : date.Year + 1;
}
