using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Portfolio;

internal enum InitiativeHealth
{
    OnTrack,
    AtRisk,
    OffTrack,
    OnHold,
    Done,
}

internal enum InitiativePhase
{
    Initiating,
    Planning,
    Executing,
    Closing,
    Closed,
}

/// <summary>Who runs an initiative day to day: the agency's relationship manager, or the PMO once it has been handed over.</summary>
internal enum ManagedBy
{
    RelationshipManager,
    Pmo,
}

/// <summary>
/// One line of the portfolio form (CAPTIVE): an initiative that touches an agency. Its status fields are those of the
/// latest <see cref="InitiativeUpdate"/>, copied here when an update is recorded so the form, the list and the health
/// page read one row; the updates themselves are the append-only history.
/// </summary>
internal sealed class Initiative : IVersioned, ITimestamped, IAgencyOwned<Initiative>, ISearchable, IDerivedOnSave
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int? RelationshipManagerPersonId { get; set; }
    public Person? RelationshipManager { get; set; }
    public int? OwnerPersonId { get; set; }
    public Person? Owner { get; set; }
    public InitiativeHealth Health { get; set; }
    public InitiativePhase Phase { get; set; }
    public DateOnly? StartOn { get; set; }
    public DateOnly? TargetOn { get; set; }
    public ManagedBy ManagedBy { get; set; }
    public DateOnly? HandedToPmoOn { get; set; }
    public int? HandedToPmoPersonId { get; set; }
    public Person? HandedToPmo { get; set; }

    // The latest status update, as the form shows it.
    public string? StatusOverview { get; set; }
    public string? Accomplishments { get; set; }
    public string? Plans { get; set; }
    public string? Risks { get; set; }
    public DateOnly? LatestUpdateOn { get; set; }

    /// <summary>Whether it counts in the portfolio's health: not closed and not done. Kept on save.</summary>
    [NotAudited]
    public bool IsOpen { get; set; }

    /// <summary>
    /// For an open initiative, its latest update's date, or 0001-01-01 when it has none; null once it is closed or done.
    /// Kept on save, so that "stale" is one index range (before <see cref="PortfolioRules.StaleBefore"/>) rather than an
    /// OR over three columns that no index answers.
    /// </summary>
    [NotAudited]
    public DateOnly? OpenUpdatedOn { get; set; }

    /// <summary>How many of the form's required fields are empty. Kept on save.</summary>
    [NotAudited]
    public int MissingCount { get; set; }

    public List<InitiativeUpdate> Updates { get; set; } = [];
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static System.Linq.Expressions.Expression<Func<Initiative, int?>> OwningAgency => i => i.AgencyId;

    public IEnumerable<string?> SearchWords() => [Name, Description];

    /// <summary>Shows <paramref name="update"/> on the form: its overview, accomplishments, plans, risks and date become the initiative's.</summary>
    public void Show(InitiativeUpdate update)
    {
        StatusOverview = update.StatusOverview;
        Accomplishments = update.Accomplishments;
        Plans = update.Plans;
        Risks = update.Risks;
        LatestUpdateOn = update.AsOf;
    }

    public void DeriveOnSave()
    {
        IsOpen = Health != InitiativeHealth.Done && Phase != InitiativePhase.Closed;
        OpenUpdatedOn = IsOpen ? LatestUpdateOn ?? DateOnly.MinValue : null;
        MissingCount = PortfolioRules.Missing(this).Count;
    }
}

/// <summary>
/// A status update as of a date: the overview, accomplishments, plans and risks. Never changed or deleted (the table
/// refuses it); a mistake is put right by a new entry that <see cref="CorrectsId">corrects</see> the earlier one.
/// Not in the audit trail: it is its own, append-only, each entry with its author and time, so an audit entry per
/// update would only repeat it (an import writes 10,000 of them).
/// </summary>
[NotAudited]
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class InitiativeUpdate
{
    public int Id { get; set; }
    public int InitiativeId { get; set; }
    public Initiative? Initiative { get; set; }
    public DateOnly AsOf { get; set; }
    public InitiativeHealth Health { get; set; }
    public string? StatusOverview { get; set; }
    public string? Accomplishments { get; set; }
    public string? Plans { get; set; }
    public string? Risks { get; set; }

    /// <summary>The update this one corrects, if it is a correction.</summary>
    public int? CorrectsId { get; set; }

    public string? Reason { get; set; }
    public string AuthorName { get; set; } = "";
    public int? AuthorUserId { get; set; }
    public DateTime CreatedAt { get; set; }
}

/// <summary>A month's portfolio health review, saved so the trend across months can be seen.</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class PortfolioSnapshot
{
    public int Id { get; set; }

    /// <summary>The first day of the month reviewed.</summary>
    public DateOnly Month { get; set; }

    public int Active { get; set; }
    public int UpdatedWithin { get; set; }
    public int Complete { get; set; }
    public int StaleAfterDays { get; set; }
    public string TakenBy { get; set; } = "";
    public DateTime TakenAt { get; set; }
}

internal static class InitiativeLabels
{
    public static string Health(InitiativeHealth health) => health switch
    {
        InitiativeHealth.OnTrack => "On track",
        InitiativeHealth.AtRisk => "At risk",
        InitiativeHealth.OffTrack => "Off track",
        InitiativeHealth.OnHold => "On hold",
        _ => "Done",
    };

    public static string ManagedBy(ManagedBy by) => by == Portfolio.ManagedBy.Pmo ? "PMO" : "Relationship manager";

    /// <summary>"On track", "on-track" and "OnTrack" alike.</summary>
    public static bool TryParseHealth(string text, out InitiativeHealth health) => TryParseLetters(text, out health);

    public static bool TryParsePhase(string text, out InitiativePhase phase) => TryParseLetters(text, out phase);

    /// <summary>An enum member named by the letters of <paramref name="text"/>, in any case; spaces, punctuation and numbers do not count.</summary>
    private static bool TryParseLetters<T>(string text, out T value) where T : struct, Enum
    {
        var letters = new string(text.Where(char.IsLetter).ToArray());
        return Enum.TryParse(letters, ignoreCase: true, out value) && letters.Length > 0;
    }
}
