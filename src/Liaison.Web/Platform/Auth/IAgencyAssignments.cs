using Liaison.Web.Platform.Data;

namespace Liaison.Web.Platform.Auth;

/// <summary>
/// Which agencies a relationship manager holds today (as primary or backup). The access rule asks; the Relationships
/// module, which keeps the assignments, answers. Without it nobody holds any agency.
/// </summary>
internal interface IAgencyAssignments
{
    /// <summary>The agencies the user holds today, as a query (a subquery EF translates once, unlike a list of ids).</summary>
    IQueryable<int> HeldBy(LiaisonDbContext db, int userId);
}
