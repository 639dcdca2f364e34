using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Notifications;

/// <summary>
/// The demo's bells: seeding the other modules told each account of what it was given (dozens of initiatives, a few
/// meetings and action items), all at the same instant. A system in use would show those spread over the past weeks, all
/// read but the last few; this makes it so, the same on every machine.
/// </summary>
internal sealed class NotificationsDemo(LiaisonDbContext db, TimeProvider clock) : IDemoSeeder
{
    /// <summary>Unread per account: enough to see the bell at work, not a backlog.</summary>
    private const int Unread = 3;

    public int Order => 95;

    public async Task SeedAsync(DemoRun run, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await db.Notifications.AsTracking().OrderBy(n => n.Id).ToListAsync(ct);
        foreach (var mine in all.GroupBy(n => n.UserId))
        {
            // Newest last in id order; the last few stay unread, from the past two days; the rest go back up to six weeks.
            var list = mine.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                var fromEnd = list.Count - 1 - i;
                var hoursAgo = fromEnd < Unread ? 2 + (fromEnd * 14) + run.Random.Next(0, 6) : 48 + (fromEnd * 20) + run.Random.Next(0, 12);
                list[i].CreatedAt = now.AddHours(-Math.Min(hoursAgo, 24 * 42));
                list[i].ReadAt = fromEnd < Unread ? null : list[i].CreatedAt.AddHours(3);
                list[i].DigestedAt = list[i].ReadAt is null ? null : list[i].CreatedAt.AddDays(1);
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
