using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

/// <summary>
/// The module's tables on the one database. The DbContext itself names only the directory's (the kernel every module
/// shares); a module declares its own sets here, so adding one does not edit Platform.
/// </summary>
internal static class PortfolioTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<Initiative> Initiatives => db.Set<Initiative>();
        public DbSet<InitiativeUpdate> InitiativeUpdates => db.Set<InitiativeUpdate>();
        public DbSet<PortfolioSnapshot> PortfolioSnapshots => db.Set<PortfolioSnapshot>();
    }
}
