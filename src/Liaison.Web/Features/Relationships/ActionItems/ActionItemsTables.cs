using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.ActionItems;

/// <summary>
/// The module's tables on the one database. The DbContext itself names only the directory's (the kernel every module
/// shares); a module declares its own sets here, so adding one does not edit Platform.
/// </summary>
internal static class ActionItemsTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<ActionItem> ActionItems => db.Set<ActionItem>();
    }
}
