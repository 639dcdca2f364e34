using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace Liaison.Web.Platform.Jobs;

/// <summary>Deletes what has served its time: expired sessions and session tokens, uploads never confirmed, idempotency answers older than a day.</summary>
internal sealed class Housekeeping(LiaisonDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var removed = await db.UserSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(ct);
        removed += await db.ApiTokens.Where(t => t.Kind == ApiTokenKind.Session && t.ExpiresAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        removed += await db.PendingImports.Where(p => p.CreatedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        removed += await db.IdempotencyRecords.Where(r => r.CreatedAt < now - IdempotencyWindow).ExecuteDeleteAsync(ct);
        return removed;
    }
}

[DisallowConcurrentExecution]
internal sealed class HousekeepingJob(Housekeeping housekeeping) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await housekeeping.RunAsync(cancellationToken);
}
