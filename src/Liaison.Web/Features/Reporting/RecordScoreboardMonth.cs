using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Reporting;

/// <summary>
/// Records this month's scoreboard (every active agency's signals that have a scoreboard column), replacing what was
/// recorded earlier in the month: the last recording of a month is how it ended. Run by <see cref="ScoreboardMonthJob"/>.
/// </summary>
internal sealed class RecordScoreboardMonth(LiaisonDbContext db, AgencyHealth health, OrganisationClock clock)
{
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var month = today.StartOfMonth();
        var ids = await db.Agencies.AsNoTracking().Where(a => a.IsActive).Select(a => a.Id).ToListAsync(ct);
        var signals = await health.ForScoreboardAsync(ids, ct);
        var now = clock.UtcNow;
        var rows = signals.SelectMany(agency => agency.Value.Select(s => new ScoreboardMonth
        {
            Month = month,
            AgencyId = agency.Key,
            Key = s.Key.Length > 64 ? s.Key[..64] : s.Key,
            Measure = s.Measure,
            Level = s.Level,
            Cell = s.Cell.Length > 200 ? s.Cell[..200] : s.Cell,
            RecordedAt = now,
        }))
            .ToList();
        // One writer at a time (on any instance), and the month replaced whole or not at all.
        await using var write = await db.BeginWriteAsync(ct);
        await db.ScoreboardMonths.Where(m => m.Month == month).ExecuteDeleteAsync(ct);
        db.ScoreboardMonths.AddRange(rows);
        await db.SaveChangesAsync(ct);
        await db.RecountTrendAsync(month, ct);
        await write.CommitAsync(ct);
        return rows.Count;
    }
}

/// <summary>Records the month's scoreboard every six hours (Reporting:ScoreboardRecordHours), on one instance at a time.</summary>
[Quartz.DisallowConcurrentExecution]
internal sealed class ScoreboardMonthJob(IServiceScopeFactory scopes) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RecordScoreboardMonth>().HandleAsync(cancellationToken);
    }
}
