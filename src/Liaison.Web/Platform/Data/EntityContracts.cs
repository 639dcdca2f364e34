using System.Linq.Expressions;

namespace Liaison.Web.Platform.Data;

/// <summary>A record edited by people: carries a version for optimistic concurrency.</summary>
internal interface IVersioned
{
    int Version { get; set; }
}

/// <summary>
/// A record that belongs to one agency. The access rule (<see cref="Auth.AccessRule"/>) turns
/// <see cref="OwningAgency"/> into a filter on every query, so another agency's users never see it.
/// </summary>
internal interface IAgencyOwned<TSelf> where TSelf : IAgencyOwned<TSelf>
{
    static abstract Expression<Func<TSelf, int?>> OwningAgency { get; }
}

/// <summary>
/// A record an agency user may see on a condition of its own, for instance a meeting with several
/// agencies, or an action item assigned to them. Given the user's agency and directory entry.
/// </summary>
internal interface IAgencyShared<TSelf> where TSelf : IAgencyShared<TSelf>
{
    static abstract Expression<Func<TSelf, int, int?, bool>> VisibleToAgencyUser { get; }
}

/// <summary>Timestamps kept by the DbContext, not by each use case.</summary>
internal interface ITimestamped
{
    DateTime CreatedAt { get; set; }
    DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A link row (for instance agency ↔ line of service) whose changes belong in its parent's history
/// rather than under a record of its own.
/// </summary>
internal interface IAuditedAsPartOf
{
    (string RecordType, string RecordId, string Field) AuditTarget { get; }

    /// <summary>The value shown in the parent's history when the link is added or removed.</summary>
    Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct);
}

/// <summary>
/// A record found by free-text search. Its <see cref="SearchText"/> (lower-cased words of the fields
/// people search by) is kept up to date by the DbContext, so a search is one LIKE over one column.
/// </summary>
internal interface ISearchable
{
    string SearchText { get; set; }

    /// <summary>The words a search should match, in any case.</summary>
    IEnumerable<string?> SearchWords();
}

/// <summary>A record with columns derived from its others (for instance a completeness count), recomputed by the DbContext on every save.</summary>
internal interface IDerivedOnSave
{
    void DeriveOnSave();
}
