using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Contracts;

/// <summary>
/// Who manages each agency now: the primary's directory entry (the default relationship manager of what another module
/// records for the agency, an initiative or a quick win), and the agencies a manager holds (a "manager" filter). Part of
/// what the Relationships module exposes on purpose; the assignments themselves stay its own.
/// </summary>
internal static class AssignedManagers
{
    private static IQueryable<AgencyAssignment> CurrentPrimaries(this LiaisonDbContext db) =>
        db.AgencyAssignments.AsNoTracking().Where(a => a.EndedOn == null && a.Role == AssignmentRole.Primary && a.User!.PersonId != null);

    /// <summary>Every agency's current primary manager's person (agencies without one, or whose manager has no directory entry, are absent).</summary>
    public static Task<Dictionary<int, int>> PrimaryPeopleByAgencyAsync(this LiaisonDbContext db, CancellationToken ct) =>
        db.CurrentPrimaries().Select(a => new { a.AgencyId, a.User!.PersonId }).ToDictionaryAsync(a => a.AgencyId, a => a.PersonId!.Value, ct);

    /// <summary>The agency's current primary manager's person, if any.</summary>
    public static Task<int?> PrimaryPersonAsync(this LiaisonDbContext db, int agencyId, CancellationToken ct) =>
        db.CurrentPrimaries().Where(a => a.AgencyId == agencyId).Select(a => a.User!.PersonId).FirstOrDefaultAsync(ct);

    /// <summary>
    /// The agency's current primary manager's person, for whoever has no signed-in user and so sees no agency's records
    /// (the public survey form, a job): the owner of what it opens for the agency.
    /// </summary>
    public static Task<int?> PrimaryPersonOfAnyAgencyAsync(this LiaisonDbContext db, int agencyId, CancellationToken ct) =>
        db.AgencyAssignments.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.EndedOn == null && a.Role == AssignmentRole.Primary && a.User!.PersonId != null && a.AgencyId == agencyId)
            .Select(a => a.User!.PersonId).FirstOrDefaultAsync(ct);

    /// <summary>The agencies <paramref name="userId"/> is the primary or backup relationship manager of now.</summary>
    public static IQueryable<int> AgenciesManagedBy(this LiaisonDbContext db, int userId) =>
        db.AgencyAssignments.Where(a => a.EndedOn == null && a.UserId == userId).Select(a => a.AgencyId);

    /// <summary>Everyone who is a primary or backup relationship manager now, by name: the choices of a "manager" filter.</summary>
    public static async Task<IReadOnlyList<(int UserId, string Name)>> CurrentManagersAsync(this LiaisonDbContext db, CancellationToken ct) =>
        (await db.AgencyAssignments.AsNoTracking().Where(a => a.EndedOn == null)
            .Select(a => new { a.UserId, a.User!.DisplayName }).Distinct().ToListAsync(ct))
        .OrderBy(m => m.DisplayName, StringComparer.CurrentCultureIgnoreCase).Select(m => (m.UserId, m.DisplayName)).ToList();

    /// <summary>
    /// Each agency's current backup managers (their user ids), for whoever has no signed-in user (a job, a calendar feed):
    /// the second person a renewal's reminders go to.
    /// </summary>
    public static async Task<ILookup<int, int>> BackupUsersByAgencyAsync(this LiaisonDbContext db, CancellationToken ct) =>
        (await db.AgencyAssignments.AsNoTracking().IgnoreQueryFilters().Where(a => a.EndedOn == null && a.Role == AssignmentRole.Backup)
            .Select(a => new { a.AgencyId, a.UserId }).ToListAsync(ct)).ToLookup(a => a.AgencyId, a => a.UserId);

    /// <summary>The agencies whose backup manager now is the user of directory entry <paramref name="personId"/> (no signed-in user needed).</summary>
    public static IQueryable<int> AgenciesBackedUpByPerson(this LiaisonDbContext db, int personId) =>
        db.AgencyAssignments.IgnoreQueryFilters().Where(a => a.EndedOn == null && a.Role == AssignmentRole.Backup && a.User!.PersonId == personId)
            .Select(a => a.AgencyId);
}
