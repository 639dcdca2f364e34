using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio.QuickWins;

/// <summary>
/// The module's tables on the one database. The DbContext itself names only the directory's (the kernel every module
/// shares); a module declares its own sets here, so adding one does not edit Platform.
/// </summary>
internal static class QuickWinsTables
{
    extension(LiaisonDbContext db)
    {
        public DbSet<QuickWin> QuickWins => db.Set<QuickWin>();
        public DbSet<QuickWinContributor> QuickWinContributors => db.Set<QuickWinContributor>();
    }
}
