using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Reporting;

/// <summary>
/// The demo's scoreboard history: this month recorded from the demo data, and the eleven before it made up from it, a
/// little worse the further back (as a relationship programme that is working would look), so the trend has a shape.
/// </summary>
internal sealed class ReportingDemo(LiaisonDbContext db, RecordScoreboardMonth record) : IDemoSeeder
{
    public int Order => 90;

    public async Task SeedAsync(DemoRun run, CancellationToken ct)
    {
        await record.HandleAsync(ct);
        var current = await db.ScoreboardMonths.AsNoTracking().ToListAsync(ct);
        if (current.Count == 0)
            return;
        var month = current[0].Month;
        for (var back = 1; back <= 11; back++)
        {
            var worse = 0.02 * back;
            db.ScoreboardMonths.AddRange(current.Select(m =>
            {
                var roll = run.Random.NextDouble();
                var level = m.Level switch
                {
                    HealthLevel.Good when roll < 0.10 + worse => HealthLevel.Attention,
                    HealthLevel.Attention when roll < 0.15 => HealthLevel.Good,
                    HealthLevel.Attention when roll < 0.25 + worse => HealthLevel.Concern,
                    HealthLevel.Concern when roll < 0.20 => HealthLevel.Attention,
                    _ => m.Level,
                };
                var changed = level != m.Level;
                var measure = m.Measure is { } value && changed ? Math.Max(0, value + (level > m.Level ? 1 : -1)) : m.Measure;
                return new ScoreboardMonth
                {
                    Month = month.AddMonths(-back),
                    AgencyId = m.AgencyId,
                    Key = m.Key,
                    Measure = measure,
                    Level = level,
                    Cell = changed && measure is { } figure ? figure.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : m.Cell,
                    RecordedAt = m.RecordedAt.AddMonths(-back),
                };
            }));
        }
        await db.SaveChangesAsync(ct);
        for (var back = 1; back <= 11; back++)
            await db.RecountTrendAsync(month.AddMonths(-back), ct);
    }
}
