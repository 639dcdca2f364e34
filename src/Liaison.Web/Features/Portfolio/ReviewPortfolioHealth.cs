using System.Globalization;
using System.Text;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

/// <summary>The portfolio's health now: open initiatives, how many updated within the window and complete, against the targets.</summary>
internal sealed record PortfolioFigures(int Open, int UpdatedWithin, int Complete, int StaleAfterDays)
{
    public int Stale => Open - UpdatedWithin;
    public int Incomplete => Open - Complete;
    public double UpdatedShare => Open == 0 ? 1 : UpdatedWithin / (double)Open;
    public double CompleteShare => Open == 0 ? 1 : Complete / (double)Open;
    public bool UpdatedMeetsTarget => UpdatedShare >= PortfolioRules.UpdatedTarget;
    public bool CompleteMeetsTarget => CompleteShare >= PortfolioRules.CompleteTarget;
}

/// <summary>One owner's exceptions: how many of their open initiatives are stale or incomplete.</summary>
internal sealed record OwnerExceptions(int? OwnerPersonId, string OwnerName, string? Email, int Stale, int Incomplete);

/// <summary>A saved monthly review: the month's figures, and who saved them when.</summary>
internal sealed record PortfolioMonth(DateOnly Month, int Active, int UpdatedWithin, int Complete, int StaleAfterDays, string TakenBy, DateTime TakenAt)
{
    public static PortfolioMonth From(PortfolioSnapshot s) => new(s.Month, s.Active, s.UpdatedWithin, s.Complete, s.StaleAfterDays, s.TakenBy, s.TakenAt);
}

/// <summary>How many owners were reminded of their stale initiatives, and who could not be (no email).</summary>
internal sealed record OwnerReminders(int Sent, IReadOnlyList<string> WithoutEmail);

internal sealed record PortfolioHealthReport(PortfolioFigures Now, PagedResult<OwnerExceptions> Owners, IReadOnlyList<PortfolioMonth> Trend);

/// <summary>The monthly portfolio health review: figures against targets, exceptions by owner, reminders, snapshots.</summary>
internal sealed class ReviewPortfolioHealth(LiaisonDbContext db, AccessRule access, PortfolioRules rules, Outbox outbox, TimeProvider clock, DerivedCache cache, PublicUrls urls)
{
    /// <summary>Who holds the monthly review (saves it, reminds owners): administrators, executives and relationship managers.</summary>
    public bool MayReview => access.CanReviewPortfolioHealth;

    /// <summary>
    /// The figures, one page of the owners with exceptions (most stale first), and the saved monthly reviews; kept until
    /// the next save (many read the review, few write between two readings).
    /// </summary>
    public async Task<Result<PortfolioHealthReport>> ReportAsync(int page, int pageSize, CancellationToken ct)
    {
        if (!access.CanSeeProviderRecords)
            return Result<PortfolioHealthReport>.Forbidden();
        return Result<PortfolioHealthReport>.Ok(await cache.GetAsync($"portfolio-health:{rules.StaleBefore:yyyy-MM-dd}:{page}:{pageSize}",
            () => ComputeReportAsync(page, pageSize, ct)));
    }

    private async Task<PortfolioHealthReport> ComputeReportAsync(int page, int pageSize, CancellationToken ct)
    {
        var figures = await FiguresAsync(ct);
        var staleBefore = rules.StaleBefore;
        // Grouped, named, ordered and paged in the database: a large portfolio has thousands of owners.
        // (OpenUpdatedOn: null when closed, the earliest date when never updated; see PortfolioRules.IsStaleInQuery.)
        var groups = db.Initiatives.AsNoTracking().Where(i => i.OpenUpdatedOn != null && (i.OpenUpdatedOn < staleBefore || i.MissingCount > 0))
            .GroupBy(i => i.OwnerPersonId)
            .Select(g => new
            {
                OwnerPersonId = g.Key,
                Stale = g.Count(i => i.OpenUpdatedOn < staleBefore),
                Incomplete = g.Count(i => i.MissingCount > 0),
            });
        var owners = groups
            // Owners are staff, hidden from no provider user; the filter is skipped only to keep the join plain.
            .LeftJoin(db.People.IgnoreQueryFilters(), g => g.OwnerPersonId, p => (int?)p.Id, (g, p) => new
            {
                g.OwnerPersonId,
                Name = p == null ? "No owner" : p.FirstName + " " + p.LastName,
                Email = p == null ? null : p.Email,
                g.Stale,
                g.Incomplete,
            })
            .OrderByDescending(o => o.Stale).ThenByDescending(o => o.Incomplete).ThenBy(o => o.Name).ThenBy(o => o.OwnerPersonId)
            .Select(o => new OwnerExceptions(o.OwnerPersonId, o.Name, o.Email, o.Stale, o.Incomplete));
        var list = new OwnerListQuery(page, pageSize);
        var trend = await db.PortfolioSnapshots.AsNoTracking().OrderByDescending(s => s.Month).Take(24)
            .Select(s => new PortfolioMonth(s.Month, s.Active, s.UpdatedWithin, s.Complete, s.StaleAfterDays, s.TakenBy, s.TakenAt)).ToListAsync(ct);
        return new PortfolioHealthReport(figures, await owners.ToPageAsync(list, ct), trend.OrderBy(s => s.Month).ToList());
    }

    /// <summary>Only a page of the exceptions by owner: the order is fixed (most stale first).</summary>
    private sealed record OwnerListQuery(int Page, int PageSize) : IListQuery
    {
        public string? Search => null;
        public string? Sort => null;
        public bool Desc => false;
    }

    public async Task<PortfolioFigures> FiguresAsync(CancellationToken ct)
    {
        var staleBefore = rules.StaleBefore;
        var open = db.Initiatives.AsNoTracking().Where(i => i.OpenUpdatedOn != null);
        var total = await open.CountAsync(ct);
        var updated = await open.CountAsync(i => i.OpenUpdatedOn >= staleBefore, ct);
        var complete = await open.CountAsync(i => i.MissingCount == 0, ct);
        return new PortfolioFigures(total, updated, complete, rules.StaleAfterDays);
    }

    /// <summary>Saves this month's review (executives, administrators and relationship managers); saving again in the month replaces it.</summary>
    public async Task<Result<PortfolioMonth>> SaveSnapshotAsync(CancellationToken ct)
    {
        if (!MayReview)
            return Result<PortfolioMonth>.Forbidden();
        var figures = await FiguresAsync(ct);
        var month = rules.Today.StartOfMonth();
        var snapshot = await db.PortfolioSnapshots.FirstOrDefaultAsync(s => s.Month == month, ct);
        if (snapshot is null)
            db.PortfolioSnapshots.Add(snapshot = new PortfolioSnapshot { Month = month });
        snapshot.Active = figures.Open;
        snapshot.UpdatedWithin = figures.UpdatedWithin;
        snapshot.Complete = figures.Complete;
        snapshot.StaleAfterDays = figures.StaleAfterDays;
        snapshot.TakenBy = access.User.DisplayName;
        snapshot.TakenAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return Result<PortfolioMonth>.Ok(PortfolioMonth.From(snapshot));
    }

    /// <summary>Emails each owner the list of their stale initiatives. Answers how many owners were written to, and who could not be (no email).</summary>
    public async Task<Result<OwnerReminders>> EmailOwnersAsync(CancellationToken ct)
    {
        if (!MayReview)
            return Result<OwnerReminders>.Forbidden();
        var stale = await db.Initiatives.AsNoTracking().Where(rules.IsStaleInQuery()).Where(i => i.OwnerPersonId != null)
            .OrderBy(i => i.LatestUpdateOn).ThenBy(i => i.Name)
            .Select(i => new { i.Id, i.Name, Agency = i.Agency!.Name, i.LatestUpdateOn, i.OwnerPersonId, Owner = i.Owner!.FirstName + " " + i.Owner.LastName, i.Owner.Email })
            .ToListAsync(ct);
        var sent = 0;
        var without = new List<string>();
        foreach (var owner in stale.GroupBy(s => s.OwnerPersonId))
        {
            var first = owner.First();
            if (string.IsNullOrWhiteSpace(first.Email))
            {
                without.Add(first.Owner);
                continue;
            }
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"Hello {first.Owner},");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"These initiatives of yours have had no status update in the last {rules.StaleAfterDays} days. The CIO reads the portfolio form every day; please add an update:");
            text.AppendLine();
            foreach (var item in owner)
                text.AppendLine(CultureInfo.InvariantCulture, $"- {item.Name} ({item.Agency}), last update {(item.LatestUpdateOn is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "never")}: {urls.Link($"Portfolio/Details/{item.Id}")}");
            text.AppendLine();
            text.AppendLine("Thank you.");
            outbox.Enqueue(first.Email!, $"{owner.Count()} initiative{(owner.Count() == 1 ? "" : "s")} need a status update", text.ToString());
            sent++;
        }
        await db.SaveChangesAsync(ct);
        return Result<OwnerReminders>.Ok(new OwnerReminders(sent, without));
    }
}

/// <summary>My work: open initiatives I own or manage, or of my agencies, whose status update is overdue.</summary>
internal sealed class StaleInitiativesSource(LiaisonDbContext db, PortfolioRules rules) : IMyWorkSource
{
    public string Key => "initiatives";
    public string Section => "Initiatives that need a status update";
    public int Order => 40;
    public string Empty => "Every initiative you own or manage has a recent status update.";

    public async Task<MyWorkPart> ItemsAsync(MyWorkScope scope, int limit, CancellationToken ct)
    {
        var me = scope.PersonId ?? -1;
        var agencyIds = scope.AgencyIds;
        var stale = db.Initiatives.AsNoTracking().Where(rules.IsStaleInQuery())
            .Where(i => i.OwnerPersonId == me || i.RelationshipManagerPersonId == me || agencyIds.Contains(i.AgencyId));
        var total = await stale.CountAsync(ct);
        if (total == 0)
            return MyWorkPart.None;
        var rows = await stale.OrderBy(i => i.LatestUpdateOn).ThenBy(i => i.Id).Take(limit)
            .Select(i => new { i.Id, i.Name, i.LatestUpdateOn, Owner = i.Owner!.FirstName + " " + i.Owner.LastName, Agency = i.Agency!.Name })
            .ToListAsync(ct);
        return new MyWorkPart(rows.Select(r => new MyWorkItem(r.Name,
            $"{(r.LatestUpdateOn is { } d ? $"last update {d:yyyy-MM-dd}" : "no status update yet")} · owner: {(string.IsNullOrWhiteSpace(r.Owner) ? "none" : r.Owner)}",
            $"/Portfolio/Details/{r.Id}", Urgency.Late, r.LatestUpdateOn?.AddDays(rules.StaleAfterDays), r.Agency)).ToList(), total);
    }
}
