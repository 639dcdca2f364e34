using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Reporting;

/// <summary>What the scoreboard shows: a manager's agencies, a department's, sorted by a column (worst first when desc).</summary>
internal sealed record ScoreboardQuery(int? ManagerUserId = null, string? Department = null, string? Sort = null, bool Desc = false);

/// <summary>A column of the scoreboard: a health signal's key and heading, in the contributors' order.</summary>
internal sealed record ScoreboardColumn(string Key, string Title);

/// <summary>
/// One cell: its short text, its level (by the signal's own thresholds), the list behind it, what it sorts by, and the
/// same figure at the end of last month (none before the first month was recorded).
/// </summary>
internal sealed record ScoreboardCell(string Text, HealthLevel Level, string? Link, double? Measure, bool HigherIsWorse, double? LastMonth = null)
{
    /// <summary>The change since last month, when both months have a figure ("never" has none to compare).</summary>
    public double? Change => Measure is { } now && LastMonth is { } then && now < Never && then < Never ? now - then : null;

    /// <summary>Figures at or above this stand for "never" (no interaction yet): no change is computed from them.</summary>
    public const double Never = int.MaxValue;
}

/// <summary>How many agencies needed attention (or gave concern) in each column, as a month ended.</summary>
internal sealed record ScoreboardTrendMonth(DateOnly Month, IReadOnlyDictionary<string, int> NeedingAttention);

internal sealed record ScoreboardRow(int AgencyId, string Name, string? Acronym, string? Department, IReadOnlyDictionary<string, ScoreboardCell> Cells);

/// <summary>The scoreboard as filtered and sorted, with the choices of its filters.</summary>
internal sealed record Scoreboard(DateOnly AsOf, IReadOnlyList<ScoreboardColumn> Columns, IReadOnlyList<ScoreboardRow> Rows,
    IReadOnlyList<NamedRef> Managers, IReadOnlyList<string> Departments, IReadOnlyList<ScoreboardTrendMonth> Trend)
{
    /// <summary>The month the movement is measured from: the one before this.</summary>
    public DateOnly LastMonth => AsOf.StartOfMonth().AddMonths(-1);
}

/// <summary>
/// The state-wide agency scoreboard: a row per active agency and a column per health signal the modules contribute
/// (<see cref="IAgencyHealthContributor"/>, the same contract as the agency page's health), read for every agency at once:
/// one query per kind of signal, whatever the number of agencies. Kept until the next save (the cache of derived figures);
/// filtering and sorting then work on the 200 rows in memory.
/// </summary>
internal sealed class ReadScoreboard(LiaisonDbContext db, AccessRule access, AgencyHealth health, OrganisationClock clock, DerivedCache cache,
    LastMonthCells lastMonthCells)
{
    public async Task<Result<Scoreboard>> HandleAsync(ScoreboardQuery query, CancellationToken ct)
    {
        if (!access.CanSeeScoreboard)
            return Result<Scoreboard>.Forbidden();
        var today = clock.Today;
        var board = await cache.GetAsync($"scoreboard:{today:yyyy-MM-dd}", () => ReadAsync(today, ct));
        IEnumerable<ScoreboardRow> rows = board.Rows;
        if (query.ManagerUserId is { } managerId)
        {
            var theirs = (await db.AgenciesManagedBy(managerId).ToListAsync(ct)).ToHashSet();
            rows = rows.Where(r => theirs.Contains(r.AgencyId));
        }
        if (!string.IsNullOrWhiteSpace(query.Department))
            rows = rows.Where(r => string.Equals(r.Department, query.Department.Trim(), StringComparison.OrdinalIgnoreCase));
        return Result<Scoreboard>.Ok(board with { Rows = Sorted(rows, board.Columns, query).ToList() });
    }

    /// <summary>By "name" (the default, or anything unknown), "department", or a column's key.</summary>
    private static IEnumerable<ScoreboardRow> Sorted(IEnumerable<ScoreboardRow> rows, IReadOnlyList<ScoreboardColumn> columns, ScoreboardQuery query)
    {
        var byName = StringComparer.CurrentCultureIgnoreCase;
        if (query.Sort is { } key && columns.Any(c => c.Key == key))
        {
            // A figure sorts by its measure (higher is worse), a name by its text; the agency's name breaks ties.
            var ordered = query.Desc
                ? rows.OrderByDescending(r => r.Cells.GetValueOrDefault(key)?.Measure ?? double.MinValue)
                    .ThenByDescending(r => r.Cells.GetValueOrDefault(key)?.Text ?? "", byName)
                : rows.OrderBy(r => r.Cells.GetValueOrDefault(key)?.Measure ?? double.MinValue)
                    .ThenBy(r => r.Cells.GetValueOrDefault(key)?.Text ?? "", byName);
            return ordered.ThenBy(r => r.Name, byName);
        }
        if (query.Sort == "department")
            return query.Desc ? rows.OrderByDescending(r => r.Department ?? "", byName).ThenBy(r => r.Name, byName)
                : rows.OrderBy(r => r.Department ?? "", byName).ThenBy(r => r.Name, byName);
        return query.Desc ? rows.OrderByDescending(r => r.Name, byName) : rows.OrderBy(r => r.Name, byName);
    }

    private async Task<Scoreboard> ReadAsync(DateOnly today, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive)
            .Select(a => new { a.Id, a.Name, a.Acronym, a.ParentDepartment }).ToListAsync(ct);
        var signals = await health.ForScoreboardAsync(agencies.Select(a => a.Id).ToList(), ct);
        var columns = signals.Values.SelectMany(list => list).Select(s => new ScoreboardColumn(s.Key, s.Column)).DistinctBy(c => c.Key).ToList();
        var thisMonth = today.StartOfMonth();
        var lastMonth = thisMonth.AddMonths(-1);
        // The last twelve months that ended, and this one so far: agencies not "good" per column, as kept when each month
        // was recorded; a month in which every agency was fine has its rows too (with zeros).
        var since = thisMonth.AddMonths(-12);
        var counts = await db.ScoreboardTrendCounts.AsNoTracking().Where(t => t.Month >= since).ToListAsync(ct);
        var trend = counts.GroupBy(t => t.Month).OrderBy(g => g.Key)
            .Select(g => new ScoreboardTrendMonth(g.Key, g.Where(t => t.NeedingAttention > 0).ToDictionary(t => t.Key, t => t.NeedingAttention)))
            .ToList();
        // Last month's figures, for the movement: none unless the month was recorded (its trend says by which recount).
        var previous = counts.FirstOrDefault(t => t.Month == lastMonth) is { } recorded
            ? await lastMonthCells.GetAsync(db, lastMonth, recorded.Recording, ct)
            : new Dictionary<(int AgencyId, string Key), double?>();
        var rows = agencies.Select(a => new ScoreboardRow(a.Id, a.Name, a.Acronym, a.ParentDepartment,
                signals[a.Id].ToDictionary(s => s.Key, s => new ScoreboardCell(s.Cell, s.Level, s.Link, s.Measure, s.HigherIsWorse,
                        previous.GetValueOrDefault((a.Id, s.Key))))))
            .ToList();
        var managers = (await db.CurrentManagersAsync(ct)).Select(m => new NamedRef(m.UserId, m.Name)).ToList();
        var departments = agencies.Select(a => a.ParentDepartment).OfType<string>().Where(d => d.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCultureIgnoreCase).ToList();
        return new Scoreboard(today, columns, rows, managers, departments, trend);
    }

    /// <summary>The scoreboard as shown (filtered and sorted), a column per signal with its cell's text.</summary>
    public static ExportFile Export(Scoreboard board, ExportFormat format, DateTime now)
    {
        var columns = new List<ExportColumn<ScoreboardRow>>
        {
            new("Agency", r => r.Name),
            new("Acronym", r => r.Acronym),
            new("Department", r => r.Department),
        };
        foreach (var column in board.Columns)
        {
            columns.Add(new(column.Title, r => r.Cells.GetValueOrDefault(column.Key)?.Text));
            columns.Add(new(column.Title + " (level)", r => r.Cells.GetValueOrDefault(column.Key)?.Level.ToString()));
        }
        return TableExport.ToFile(board.Rows, columns, format, "scoreboard", now);
    }
}
