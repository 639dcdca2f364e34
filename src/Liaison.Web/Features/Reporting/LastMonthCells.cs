using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Reporting;

/// <summary>
/// Last month's scoreboard figures (what each cell's movement is measured from), kept in this instance's memory for the
/// recount that wrote them: a month is recorded whole with a new <see cref="ScoreboardTrendCount.Recording"/>, so while
/// the recording the caller has just read is the one kept, the kept figures are exact, on any instance. One month is
/// kept (2,000 figures at ten times a state's size); a new recording or a new month replaces it.
/// </summary>
internal sealed class LastMonthCells
{
    private sealed record Kept(DateOnly Month, Guid Recording, IReadOnlyDictionary<(int AgencyId, string Key), double?> Measures);

    private volatile Kept? kept;

    public async Task<IReadOnlyDictionary<(int AgencyId, string Key), double?>> GetAsync(LiaisonDbContext db, DateOnly month, Guid recording, CancellationToken ct)
    {
        if (kept is { } current && current.Month == month && current.Recording == recording)
            return current.Measures;
        var measures = (await db.ScoreboardMonths.AsNoTracking().Where(m => m.Month == month)
                .Select(m => new { m.AgencyId, m.Key, m.Measure }).ToListAsync(ct))
            .ToDictionary(m => (m.AgencyId, m.Key), m => m.Measure);
        kept = new Kept(month, recording, measures);
        return measures;
    }
}
