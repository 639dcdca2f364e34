using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>What a renewal's date in the calendar is.</summary>
internal enum RenewalDateKind
{
    /// <summary>The last safe date to act (to order, or for a tacit renewal to cancel).</summary>
    LastSafeDate = 0,

    /// <summary>The day the term ends.</summary>
    TermEnd = 1,
}

/// <summary>One date of one renewal in the calendar.</summary>
internal sealed record RenewalDate(DateOnly On, RenewalDateKind Kind, int RenewalId, string Product, string Agency, RenewalStatus Status, bool RenewsTacitly)
{
    public string Label => Kind == RenewalDateKind.TermEnd ? "Term ends" : RenewsTacitly ? "Last day to cancel" : "Last safe date";
}

/// <summary>A month of the renewal calendar: how many dates fall on each day, and the first of them (or all of one chosen day).</summary>
internal sealed record RenewalMonth(DateOnly First, IReadOnlyDictionary<DateOnly, int> Counts, IReadOnlyList<RenewalDate> Dates, DateOnly? Day,
    IReadOnlyList<RenewalDate> DayDates)
{
    public int Total => Counts.Values.Sum();
}

/// <summary>The calendar's filters: the month ("2027-03"), one agency, one responsible manager, one day to list in full.</summary>
internal sealed record RenewalCalendarQuery(string? Month = null, int? AgencyId = null, int? ManagerPersonId = null, DateOnly? Day = null);

/// <summary>
/// The renewal calendar by month: each open renewal's last safe date and each term's end (a term given up or cancelled
/// has none to watch). Internal to the provider, as the log.
/// </summary>
internal sealed class RenewalCalendar(LiaisonDbContext db, AccessRule access, OrganisationClock clock, DerivedCache cache)
{
    /// <summary>The grid names this many dates of each kind a day (it counts them all; a day chosen lists all of its own).</summary>
    public const int PerDay = 4;

    public const string MonthMessage = "Give a month such as 2027-03, between 1901 and 2199.";

    public bool MaySee => access.CanSeeProviderRecords;

    /// <summary>The month asked for ("yyyy-MM"), this month when none, or null when it cannot be read.</summary>
    public DateOnly? MonthOf(string? month)
    {
        if (string.IsNullOrWhiteSpace(month))
            return new DateOnly(clock.Today.Year, clock.Today.Month, 1);
        return DateOnly.TryParseExact(month.Trim() + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var first) && first.Year is >= 1901 and <= 2199 ? first : null;
    }

    public async Task<Result<RenewalMonth>> MonthAsync(RenewalCalendarQuery query, CancellationToken ct)
    {
        if (!MaySee)
            return Result<RenewalMonth>.Forbidden();
        if (MonthOf(query.Month) is not { } first)
            return Result<RenewalMonth>.Invalid(nameof(query.Month), MonthMessage);
        var last = first.AddMonths(1).AddDays(-1);
        var day = query.Day is { } d && d >= first && d <= last ? d : (DateOnly?)null;
        // A month of the calendar changes only when a renewal does: kept until the next save on any instance.
        return Result<RenewalMonth>.Ok(await cache.GetAsync($"renewal-calendar:{first:yyyy-MM}:{query.AgencyId}:{query.ManagerPersonId}:{day:yyyy-MM-dd}",
            () => ComputeAsync(query, first, last, day, ct)));
    }

    private async Task<RenewalMonth> ComputeAsync(RenewalCalendarQuery query, DateOnly first, DateOnly last, DateOnly? day, CancellationToken ct)
    {
        var renewals = db.Renewals.AsNoTracking();
        if (query.AgencyId is { } agency)
            renewals = renewals.Where(r => r.AgencyId == agency);
        if (query.ManagerPersonId is { } manager)
            renewals = renewals.Where(r => r.ResponsibleManagerPersonId == manager);
        var safe = renewals.Where(r => !RenewalDates.SettledStatuses.Contains(r.Status) && r.LastSafeDate >= first && r.LastSafeDate <= last);
        var ends = renewals.Where(r => !RenewalDates.GivenUpStatuses.Contains(r.Status) && r.TermEnd >= first && r.TermEnd <= last);

        // Each date of the month as (day, id), small and from the indexes: the counts per day, and which to name.
        var safeKeys = await safe.Select(r => new { On = r.LastSafeDate, r.Id }).ToListAsync(ct);
        var endKeys = await ends.Select(r => new { On = r.TermEnd, r.Id }).ToListAsync(ct);
        var counts = new Dictionary<DateOnly, int>();
        foreach (var key in safeKeys.Concat(endKeys))
            counts[key.On] = counts.GetValueOrDefault(key.On) + 1;
        var namedSafe = safeKeys.GroupBy(k => k.On).SelectMany(g => g.OrderBy(k => k.Id).Take(PerDay)).Select(k => k.Id).ToList();
        var namedEnds = endKeys.GroupBy(k => k.On).SelectMany(g => g.OrderBy(k => k.Id).Take(PerDay)).Select(k => k.Id).ToList();
        var dates = await DatesAsync(safe.Where(r => namedSafe.Contains(r.Id)), ends.Where(r => namedEnds.Contains(r.Id)), namedSafe.Count + namedEnds.Count, ct);
        var dayDates = day is { } one
            ? await DatesAsync(safe.Where(r => r.LastSafeDate == one), ends.Where(r => r.TermEnd == one), 2000, ct)
            : [];
        return new RenewalMonth(first, counts, dates, day, dayDates);
    }

    private static async Task<List<RenewalDate>> DatesAsync(IQueryable<Renewal> safe, IQueryable<Renewal> ends, int take, CancellationToken ct)
    {
        var safeDates = await safe.OrderBy(r => r.LastSafeDate).ThenBy(r => r.Id).Take(take)
            .Select(r => new RenewalDate(r.LastSafeDate, RenewalDateKind.LastSafeDate, r.Id, r.Product!.Name, r.Agency!.Acronym ?? r.Agency.Name, r.Status, r.RenewsTacitly))
            .ToListAsync(ct);
        var endDates = await ends.OrderBy(r => r.TermEnd).ThenBy(r => r.Id).Take(take)
            .Select(r => new RenewalDate(r.TermEnd, RenewalDateKind.TermEnd, r.Id, r.Product!.Name, r.Agency!.Acronym ?? r.Agency.Name, r.Status, r.RenewsTacitly))
            .ToListAsync(ct);
        return safeDates.Concat(endDates).OrderBy(d => d.On).ThenBy(d => d.Kind).ThenBy(d => d.RenewalId).Take(take).ToList();
    }
}

/// <summary>
/// The renewals module's part of a person's calendar feed: the last safe dates and term ends of the renewals they are
/// responsible for or whose agency they back up. Provider staff only (an agency contact's feed gets none of the log).
/// </summary>
internal sealed class RenewalsCalendarSource(LiaisonDbContext db, OrganisationClock clock, PublicUrls urls) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(int personId, CancellationToken ct)
    {
        if (!await db.People.IgnoreQueryFilters().AnyAsync(p => p.Id == personId && p.Kind == PersonKind.ProviderStaff, ct))
            return [];
        var from = clock.Today.AddDays(-90);
        var backedUp = db.AgenciesBackedUpByPerson(personId);
        var renewals = await db.Renewals.AsNoTracking().IgnoreQueryFilters()
            .Where(r => (r.ResponsibleManagerPersonId == personId || backedUp.Contains(r.AgencyId))
                && !RenewalDates.GivenUpStatuses.Contains(r.Status) && r.TermEnd >= from)
            .OrderBy(r => r.LastSafeDate).Take(500)
            .Select(r => new { r.Id, r.LastSafeDate, r.TermEnd, r.Status, r.RenewsTacitly, r.Version, r.UpdatedAt, Product = r.Product!.Name, Agency = r.Agency!.Name })
            .ToListAsync(ct);
        var events = new List<CalendarEvent>();
        foreach (var r in renewals)
        {
            var link = urls.Link($"Renewals/Details/{r.Id}");
            if (!RenewalDates.IsSettled(r.Status) && r.LastSafeDate >= from)
            {
                var what = r.RenewsTacitly ? "Last day to cancel" : "Last safe date";
                events.Add(new CalendarEvent($"renewal-{r.Id}-safe@{urls.Host}", $"{what}: {r.Product} ({r.Agency})", null, null, r.LastSafeDate,
                    null, $"Renewal of {r.Product} for {r.Agency}; the term ends {r.TermEnd:d MMM yyyy}.", false, r.Version, r.UpdatedAt)
                { Url = link });
            }
            events.Add(new CalendarEvent($"renewal-{r.Id}-end@{urls.Host}", $"Term ends: {r.Product} ({r.Agency})", null, null, r.TermEnd,
                null, null, false, r.Version, r.UpdatedAt)
            { Url = link });
        }
        return events;
    }
}
