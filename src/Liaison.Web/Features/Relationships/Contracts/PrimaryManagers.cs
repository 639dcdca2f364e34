using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Contracts;

/// <summary>
/// Who holds each agency's primary assignment now, as their directory entry: the default relationship manager of what
/// another module records for the agency (an initiative, a quick win). Part of what the Relationships module exposes on
/// purpose; the assignments themselves stay its own.
/// </summary>
internal static class PrimaryManagers
{
    private static IQueryable<AgencyAssignment> CurrentPrimaries(this LiaisonDbContext db) =>
        db.AgencyAssignments.AsNoTracking().Where(a => a.EndedOn == null && a.Role == AssignmentRole.Primary && a.User!.PersonId != null);

    /// <summary>Every agency's current primary manager's person (agencies without one, or whose manager has no directory entry, are absent).</summary>
    public static Task<Dictionary<int, int>> PrimaryPeopleByAgencyAsync(this LiaisonDbContext db, CancellationToken ct) =>
        db.CurrentPrimaries().Select(a => new { a.AgencyId, a.User!.PersonId }).ToDictionaryAsync(a => a.AgencyId, a => a.PersonId!.Value, ct);

    /// <summary>The agency's current primary manager's person, if any.</summary>
    public static Task<int?> PrimaryPersonAsync(this LiaisonDbContext db, int agencyId, CancellationToken ct) =>
        db.CurrentPrimaries().Where(a => a.AgencyId == agencyId).Select(a => a.User!.PersonId).FirstOrDefaultAsync(ct);
}
