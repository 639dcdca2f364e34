using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Contracts;

/// <summary>
/// The stakeholder matrix's key stakeholders: the people the service assessment goes to. Part of what the Relationships
/// module exposes on purpose; the matrix itself stays its own.
/// </summary>
internal static class KeyStakeholders
{
    /// <summary>The active agency contacts marked key stakeholders, of the agencies <paramref name="agencyIds"/> (every agency when null).</summary>
    public static IQueryable<Person> KeyStakeholdersOf(this LiaisonDbContext db, IReadOnlyCollection<int>? agencyIds = null)
    {
        var people = db.StakeholderProfiles.AsNoTracking().Where(s => s.IsKeyStakeholder)
            .Select(s => s.Person!).Where(p => p.IsActive && p.Kind == PersonKind.AgencyContact && p.AgencyId != null);
        return agencyIds is null ? people : people.Where(p => agencyIds.Contains(p.AgencyId!.Value));
    }
}
