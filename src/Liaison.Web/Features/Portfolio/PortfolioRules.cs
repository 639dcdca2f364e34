using System.Linq.Expressions;
using Liaison.Web.Platform.Time;

namespace Liaison.Web.Features.Portfolio;

/// <summary>
/// The portfolio's rules: an open initiative is stale when its latest update is more than
/// <see cref="StaleAfterDays"/> days old (or it has none), and complete when every field the form requires is filled.
/// The strategic plan's targets: at least 90% of open initiatives updated within the window, 95% complete.
/// </summary>
internal sealed class PortfolioRules(IConfiguration config, OrganisationClock clock)
{
    public const double UpdatedTarget = 0.90;
    public const double CompleteTarget = 0.95;

    /// <summary>Portfolio:StaleAfterDays, 30 by default.</summary>
    public int StaleAfterDays { get; } = Math.Clamp(config.GetValue("Portfolio:StaleAfterDays", 30), 1, 366);

    public DateOnly Today => clock.Today;

    /// <summary>An open initiative whose latest update is before this day is stale: updated exactly <see cref="StaleAfterDays"/> days ago is not yet.</summary>
    public DateOnly StaleBefore => Today.AddDays(-StaleAfterDays);

    public bool IsStale(bool isOpen, DateOnly? latestUpdateOn) => isOpen && (latestUpdateOn is null || latestUpdateOn < StaleBefore);

    /// <summary>
    /// The same rule for a query, as one range of <see cref="Initiative.OpenUpdatedOn"/> (null when closed, the
    /// earliest date when never updated).
    /// </summary>
    public Expression<Func<Initiative, bool>> IsStaleInQuery()
    {
        var staleBefore = StaleBefore;
        return i => i.OpenUpdatedOn < staleBefore;
    }

    /// <summary>The form's required fields, by label, with whether an initiative has each.</summary>
    public static readonly IReadOnlyList<(string Label, Func<Initiative, bool> Has)> Required =
    [
        ("Initiative description", i => !string.IsNullOrWhiteSpace(i.Description)),
        ("Relationship manager", i => i.RelationshipManagerPersonId is not null),
        ("Project manager / owner", i => i.OwnerPersonId is not null),
        ("Current status overview", i => !string.IsNullOrWhiteSpace(i.StatusOverview)),
        ("Accomplishments of the last 30 days", i => !string.IsNullOrWhiteSpace(i.Accomplishments)),
        ("Plans for the next 30 days", i => !string.IsNullOrWhiteSpace(i.Plans)),
        ("Current risks / issues", i => !string.IsNullOrWhiteSpace(i.Risks)),
        ("Latest update date", i => i.LatestUpdateOn is not null),
        ("Target date", i => i.TargetOn is not null),
    ];

    /// <summary>The required fields an initiative lacks (its name and agency it always has).</summary>
    public static IReadOnlyList<string> Missing(Initiative initiative) => Required.Where(r => !r.Has(initiative)).Select(r => r.Label).ToList();

    /// <summary>Completeness as a share of the required fields (name and agency included), 0 to 1.</summary>
    public static double Completeness(int missingCount) => (Required.Count + 2 - missingCount) / (double)(Required.Count + 2);
}
