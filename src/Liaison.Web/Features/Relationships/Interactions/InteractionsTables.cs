using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Interactions;

/// <summary>
/// The module's tables on the one database. The DbContext itself names only the directory's (the kernel every module
/// shares); a module declares its own sets here, so adding one does not edit Platform.
/// </summary>
internal static class InteractionsTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<Interaction> Interactions => db.Set<Interaction>();
        public DbSet<InteractionAttendee> InteractionAttendees => db.Set<InteractionAttendee>();
    }
}
