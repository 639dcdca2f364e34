using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Portfolio.QuickWins;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

/// <summary>
/// The portfolio's part of each agency's health: initiatives off track or at risk, stale ones (provider users), and the
/// quick wins of this fiscal quarter. Two grouped queries for any number of agencies.
/// </summary>
internal sealed class PortfolioAgencyHealth(LiaisonDbContext db, PortfolioRules rules, AccessRule access, SiteSettings settings) : IAgencyHealthContributor
{
    public int Order => 30;

    public async Task<ILookup<int, HealthSignal>> SignalsAsync(IReadOnlyCollection<int> agencyIds, DateOnly today, CancellationToken ct)
    {
        var ids = agencyIds.Distinct().ToList();
        var staleBefore = rules.StaleBefore;
        var counts = await db.Initiatives.AsNoTracking().Where(i => ids.Contains(i.AgencyId) && i.OpenUpdatedOn != null)
            .GroupBy(i => i.AgencyId)
            .Select(g => new
            {
                AgencyId = g.Key,
                Open = g.Count(),
                OffTrack = g.Count(i => i.Health == InitiativeHealth.OffTrack),
                AtRisk = g.Count(i => i.Health == InitiativeHealth.AtRisk),
                Stale = g.Count(i => i.OpenUpdatedOn < staleBefore),
            })
            .ToDictionaryAsync(c => c.AgencyId, ct);
        var quarter = QuarterStart(today, (await settings.GetAsync(ct)).FiscalYearStartMonth);
        var wins = await db.QuickWins.AsNoTracking().Where(q => ids.Contains(q.AgencyId) && q.CompletedOn >= quarter && q.CompletedOn <= today)
            .GroupBy(q => q.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(q => q.AgencyId, q => q.Count, ct);
        // The provider's view; the job that records the month's scoreboard runs as the system, which sees it too.
        var internalUser = access.CanSeeProviderRecords || access.User.IsSystem;
        return ids.SelectMany(id =>
            {
                var c = counts.GetValueOrDefault(id);
                return Signals(id, c?.Open ?? 0, c?.OffTrack ?? 0, c?.AtRisk ?? 0, c?.Stale ?? 0, wins.GetValueOrDefault(id), quarter, internalUser)
                    .Select(s => (id, s));
            })
            .ToLookup(x => x.id, x => x.s);
    }

    /// <summary>The first day of the fiscal quarter <paramref name="today"/> falls in (the fiscal year starts in the settings' month).</summary>
    public static DateOnly QuarterStart(DateOnly today, int fiscalYearStartMonth)
    {
        var monthsIn = ((today.Month - fiscalYearStartMonth) % 12 + 12) % 12;
        return today.StartOfMonth().AddMonths(-(monthsIn % 3));
    }

    private IEnumerable<HealthSignal> Signals(int agencyId, int open, int offTrack, int atRisk, int stale, int wins, DateOnly quarter, bool internalUser)
    {
        var list = internalUser ? $"/Portfolio?agencyId={agencyId}" : null;
        var trouble = offTrack + atRisk;
        yield return new HealthSignal("Initiatives at risk or off track", open == 0 ? "None open" : trouble == 0 ? $"None of {open} open" : $"{trouble} of {open} open",
            trouble == 0 ? HealthLevel.Good : HealthLevel.Concern, list is null ? null : list + "&sort=health")
        {
            Views = SignalViews.AgencyPage,
        };
        yield return new HealthSignal("Initiatives off track", $"{offTrack}", offTrack == 0 ? HealthLevel.Good : HealthLevel.Concern,
            list is null ? null : list + "&health=OffTrack")
        {
            Key = "initiatives-off-track",
            Column = "Off track",
            Measure = offTrack,
            Views = SignalViews.Scoreboard,
        };
        yield return new HealthSignal("Initiatives at risk", $"{atRisk}", atRisk == 0 ? HealthLevel.Good : HealthLevel.Attention,
            list is null ? null : list + "&health=AtRisk")
        {
            Key = "initiatives-at-risk",
            Column = "At risk",
            Measure = atRisk,
            Views = SignalViews.Scoreboard,
        };
        if (internalUser)
        {
            yield return new HealthSignal("Initiatives without a status update in " + rules.StaleAfterDays + " days", stale == 0 ? "None" : $"{stale} of {open}",
                stale == 0 ? HealthLevel.Good : HealthLevel.Attention, $"/Portfolio?agencyId={agencyId}&state=stale")
            {
                Key = "initiatives-stale",
                Column = "Stale initiatives",
                Cell = $"{stale}",
                Measure = stale,
            };
            yield return new HealthSignal("Quick wins this quarter", wins == 0 ? "None yet" : $"{wins} since {quarter:yyyy-MM-dd}",
                wins == 0 ? HealthLevel.Attention : HealthLevel.Good, $"/QuickWins?agencyId={agencyId}&from={quarter:yyyy-MM-dd}")
            {
                Key = "quick-wins-quarter",
                Cell = $"{wins}",
                Measure = wins,
                HigherIsWorse = false,
            };
        }
    }
}
