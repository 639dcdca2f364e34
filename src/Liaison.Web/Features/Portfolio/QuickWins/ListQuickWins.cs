using System.Linq.Expressions;
using FluentValidation;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio.QuickWins;

internal sealed record QuickWinListQuery(
    string? Search = null,
    int? AgencyId = null,
    int? ManagerPersonId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record QuickWinRow(int Id, string TaskName, string? Description, int AgencyId, string AgencyName, string? ManagerName, string Contributors,
    string? Benefit, DateOnly CompletedOn);

/// <summary>The executives' summary: quick wins by agency and by month over a period.</summary>
internal sealed record QuickWinSummary(DateOnly From, DateOnly To, int Total, IReadOnlyList<(string Agency, int Count)> ByAgency, IReadOnlyList<(DateOnly Month, int Count)> ByMonth);

/// <summary>The quick wins log as provider staff read it: the filtered list, its export, and the executives' summary.</summary>
internal sealed class ListQuickWins(LiaisonDbContext db, AccessRule access, ListCounts counts, DerivedCache cache, OrganisationClock clock)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<QuickWin>> Sorts = new Dictionary<string, SortOrder<QuickWin>>
    {
        ["completed"] = SortOrder<QuickWin>.By(q => q.CompletedOn),
        ["task"] = SortOrder<QuickWin>.By(q => q.TaskName),
        ["agency"] = SortOrder<QuickWin>.By(q => q.Agency!.Name).ThenBy(q => q.CompletedOn),
    };

    private DateOnly Today => clock.Today;

    public bool MaySee => access.CanSeeProviderRecords;

    public async Task<Result<PagedResult<QuickWinRow>>> ListAsync(QuickWinListQuery query, CancellationToken ct)
    {
        if (!MaySee)
            return Result<PagedResult<QuickWinRow>>.Forbidden();
        var page = await Rows(Filtered(query)).ToPageAsync(query, ct, counts);
        var ids = page.Items.Select(r => r.Id).ToList();
        return Result<PagedResult<QuickWinRow>>.Ok(page with { Items = await WithContributorsAsync(page.Items, c => ids.Contains(c.QuickWinId), ct) });
    }

    private IQueryable<QuickWin> Filtered(QuickWinListQuery query)
    {
        var items = db.QuickWins.AsNoTracking();
        if (query.AgencyId is { } agencyId)
            items = items.Where(q => q.AgencyId == agencyId);
        if (query.ManagerPersonId is { } managerId)
            items = items.Where(q => q.RelationshipManagerPersonId == managerId);
        if (query.From is { } from)
            items = items.Where(q => q.CompletedOn >= from);
        if (query.To is { } to)
            items = items.Where(q => q.CompletedOn <= to);
        if (Paging.SearchPattern(query.Search) is { } term)
            items = items.Where(q => q.SearchText.Contains(term));
        return items.Sorted(query with { Desc = query.Sort is null || query.Desc }, Sorts, "completed", q => q.Id);
    }

    /// <summary>The rows without their contributors: see <see cref="WithContributorsAsync"/>.</summary>
    private static IQueryable<QuickWinRow> Rows(IQueryable<QuickWin> items) => items.Select(q => new QuickWinRow(q.Id, q.TaskName, q.Description, q.AgencyId,
        q.Agency!.Name, q.RelationshipManager!.FirstName + " " + q.RelationshipManager.LastName, "", q.Benefit, q.CompletedOn));

    /// <summary>
    /// Fills in the contributing staff, by name, from a second query over the contributors <paramref name="of"/> the
    /// rows: joined into the first, the database would read every contributor of the log for one page of it.
    /// </summary>
    private async Task<IReadOnlyList<QuickWinRow>> WithContributorsAsync(IReadOnlyList<QuickWinRow> rows,
        Expression<Func<QuickWinContributor, bool>> of, CancellationToken ct)
    {
        if (rows.Count == 0)
            return rows;
        var names = (await db.QuickWinContributors.AsNoTracking().Where(of)
                .Select(c => new { c.QuickWinId, Name = c.Person!.FirstName + " " + c.Person.LastName }).ToListAsync(ct))
            .ToLookup(c => c.QuickWinId, c => c.Name);
        return rows.Select(r => r with { Contributors = string.Join(", ", names[r.Id].Order(StringComparer.CurrentCultureIgnoreCase)) }).ToList();
    }

    public static IReadOnlyList<ExportColumn<QuickWinRow>> Columns =>
    [
        new("Id", r => r.Id),
        new("Task name", r => r.TaskName),
        new("Task description", r => r.Description),
        new("Agency", r => r.AgencyName),
        new("Relationship manager", r => r.ManagerName),
        new("Contributing staff", r => r.Contributors),
        new("Benefit to the agency", r => r.Benefit),
        new("Date completed", r => r.CompletedOn),
    ];

    public async Task<Result<ExportFile>> ExportAsync(QuickWinListQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!MaySee)
            return Result<ExportFile>.Forbidden();
        var filtered = Filtered(query);
        var ids = filtered.Select(q => q.Id);
        var rows = await WithContributorsAsync(await Rows(filtered).ToListAsync(ct), c => ids.Contains(c.QuickWinId), ct);
        return Result<ExportFile>.Ok(TableExport.ToFile(rows, Columns, format, "quick-wins", clock.UtcNow));
    }

    /// <summary>Counts by agency and by month over a period (the last twelve months by default), kept until the next save.</summary>
    public async Task<Result<QuickWinSummary>> SummaryAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!MaySee)
            return Result<QuickWinSummary>.Forbidden();
        if ((from is { } f && !InputRules.IsInRange(f)) || (to is { } t && !InputRules.IsInRange(t)))
            return Result<QuickWinSummary>.Invalid(from is { } bad && !InputRules.IsInRange(bad) ? "from" : "to", InputRules.DateRangeMessage);
        var end = to ?? Today;
        var start = from ?? end.StartOfMonth().AddMonths(-11);
        return Result<QuickWinSummary>.Ok(await cache.GetAsync($"quick-wins-summary:{start:yyyy-MM-dd}:{end:yyyy-MM-dd}", () => ComputeSummaryAsync(start, end, ct)));
    }

    private async Task<QuickWinSummary> ComputeSummaryAsync(DateOnly start, DateOnly end, CancellationToken ct)
    {
        var period = db.QuickWins.AsNoTracking().Where(q => q.CompletedOn >= start && q.CompletedOn <= end);
        // Counted by agency id and by day from the covering indexes, then named and folded into months here: joining
        // every quick win to its agency, or taking each date apart in SQL, would cost more than the counting.
        var byAgencyId = await period.GroupBy(q => q.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var agencyIds = byAgencyId.Select(a => a.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var byAgency = byAgencyId.Select(a => (Key: names.GetValueOrDefault(a.AgencyId, $"Agency #{a.AgencyId}"), a.Count))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Key, StringComparer.CurrentCultureIgnoreCase).ToList();
        var byDay = await period.GroupBy(q => q.CompletedOn).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byMonth = byDay.GroupBy(d => d.Day.StartOfMonth()).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var months = new List<(DateOnly, int)>();
        for (var month = start.StartOfMonth(); month <= end; month = month.AddMonths(1))
            months.Add((month, byMonth.GetValueOrDefault(month)));
        return new QuickWinSummary(start, end, byAgency.Sum(a => a.Count), byAgency.Select(a => (a.Key, a.Count)).ToList(), months);
    }
}
