using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// The renewal log's part of each agency's health: renewals still to act on whose last safe date has passed (concern) or
/// comes within <see cref="RenewalDates.DueSoonDays"/> days (attention). One grouped query for any number of agencies.
/// Internal to the provider: an agency user's page has no such line.
/// </summary>
internal sealed class RenewalsAgencyHealth(LiaisonDbContext db, AccessRule access) : IAgencyHealthContributor
{
    public int Order => 40;

    public async Task<ILookup<int, HealthSignal>> SignalsAsync(IReadOnlyCollection<int> agencyIds, DateOnly today, CancellationToken ct)
    {
        // The provider's view; the job that records the month's scoreboard runs as the system, which sees it too.
        if (!(access.CanSeeProviderRecords || access.User.IsSystem))
            return Array.Empty<(int, HealthSignal)>().ToLookup(x => x.Item1, x => x.Item2);
        var ids = agencyIds.Distinct().ToList();
        var counts = await db.Renewals.AsNoTracking().Due(today)
            .Where(r => ids.Contains(r.AgencyId))
            .GroupBy(r => r.AgencyId)
            .Select(g => new { AgencyId = g.Key, Due = g.Count(), Overdue = g.Count(r => r.LastSafeDate < today) })
            .ToDictionaryAsync(c => c.AgencyId, ct);
        return ids.Select(id =>
            {
                var c = counts.GetValueOrDefault(id);
                var due = c?.Due ?? 0;
                var overdue = c?.Overdue ?? 0;
                var value = due == 0 ? "None in the next " + RenewalDates.DueSoonDays + " days"
                    : overdue == 0 ? $"{due} due within {RenewalDates.DueSoonDays} days"
                    : $"{overdue} past the last safe date" + (due > overdue ? $", {due - overdue} more due soon" : "");
                return (id, new HealthSignal("Renewals due", value,
                    overdue > 0 ? HealthLevel.Concern : due > 0 ? HealthLevel.Attention : HealthLevel.Good,
                    $"/Renewals?agencyId={id}&due=soon")
                {
                    Key = "renewals-due",
                    Cell = $"{due}",
                    Measure = due,
                });
            })
            .ToLookup(x => x.id, x => x.Item2);
    }
}

/// <summary>"My work": the open renewals the user is responsible for, or of the agencies they manage, due within 30 days or past.</summary>
internal sealed class RenewalsDueSource(LiaisonDbContext db, AccessRule access) : IMyWorkSource
{
    public string Key => "renewals";
    public string Section => "Renewals to act on";
    public int Order => 45;
    public string Empty => "No renewal of yours reaches its last safe date in the next " + RenewalDates.DueSoonDays + " days.";

    public async Task<MyWorkPart> ItemsAsync(MyWorkScope scope, int limit, CancellationToken ct)
    {
        if (!access.CanSeeProviderRecords)
            return MyWorkPart.None;
        var me = scope.PersonId ?? -1;
        var agencyIds = scope.AgencyIds;
        var due = db.Renewals.AsNoTracking().Due(scope.Today)
            .Where(r => r.ResponsibleManagerPersonId == me || agencyIds.Contains(r.AgencyId));
        var total = await due.CountAsync(ct);
        if (total == 0)
            return MyWorkPart.None;
        var rows = await due.OrderBy(r => r.LastSafeDate).ThenBy(r => r.Id).Take(limit)
            .Select(r => new { r.Id, Product = r.Product!.Name, Vendor = r.Product.Vendor!.Name, r.LastSafeDate, r.TermEnd, r.RenewsTacitly, r.Status, Agency = r.Agency!.Name })
            .ToListAsync(ct);
        return new MyWorkPart(rows.Select(r => new MyWorkItem($"{r.Vendor} — {r.Product}",
            $"{(r.RenewsTacitly ? "last day to cancel" : "last safe date")} {r.LastSafeDate:yyyy-MM-dd} · term ends {r.TermEnd:yyyy-MM-dd} · {RenewalText.Status(r.Status)}",
            $"/Renewals/Details/{r.Id}", r.LastSafeDate < scope.Today ? Urgency.Late : Urgency.Due, r.LastSafeDate, r.Agency)).ToList(), total);
    }
}
