using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>The access rule's question "which agencies does this manager hold today?", answered from the assignments.</summary>
internal sealed class HeldAssignments : IAgencyAssignments
{
    public IQueryable<int> HeldBy(LiaisonDbContext db, int userId) =>
        db.AgencyAssignments.AsNoTracking().Where(a => a.UserId == userId && a.EndedOn == null).Select(a => a.AgencyId);
}
