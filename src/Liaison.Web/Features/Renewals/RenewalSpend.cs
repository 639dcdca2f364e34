using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Renewals.Procurement;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>An agency's spend in a fiscal year and the year before: renewals, procurement, and both.</summary>
internal sealed record AgencySpend(int AgencyId, string Agency, decimal Renewals, decimal RenewalsBefore, decimal Procurement, decimal ProcurementBefore)
{
    public decimal Total => Renewals + Procurement;
    public decimal TotalBefore => RenewalsBefore + ProcurementBefore;
    public decimal Change => Total - TotalBefore;
}

/// <summary>Every agency's spend in a fiscal year, with the year before and the totals.</summary>
internal sealed record SpendReport(int FiscalYear, DateOnly From, DateOnly To, IReadOnlyList<AgencySpend> Agencies)
{
    public decimal Renewals => Agencies.Sum(a => a.Renewals);
    public decimal RenewalsBefore => Agencies.Sum(a => a.RenewalsBefore);
    public decimal Procurement => Agencies.Sum(a => a.Procurement);
    public decimal ProcurementBefore => Agencies.Sum(a => a.ProcurementBefore);
    public decimal Total => Renewals + Procurement;
    public decimal TotalBefore => RenewalsBefore + ProcurementBefore;
}

/// <summary>
/// Spend per agency and fiscal year (the fiscal year from Settings). A renewal billed annually or for several years
/// counts in the fiscal year its term starts (when it is paid); one billed monthly counts its monthly cost for each of
/// its term's months in the year. Renewals cancelled, not renewed or lapsed spend nothing. A procurement request counts
/// its lowest quote (else its estimate) in the fiscal year it was approved (else raised), unless declined or withdrawn.
/// Internal to the provider, as the log.
/// </summary>
internal sealed class RenewalSpend(LiaisonDbContext db, AccessRule access, SiteSettings settings, OrganisationClock clock)
{
    private static readonly RenewalStatus[] NoSpend = [.. RenewalDates.GivenUpStatuses, RenewalStatus.Lapsed];

    public bool MaySee => access.CanSeeProviderRecords;

    /// <summary>The fiscal year asked for, or this one; null when it is outside the years Liaison keeps.</summary>
    public async Task<int?> FiscalYearAsync(int? asked, CancellationToken ct) =>
        asked is { } year ? ListRenewals.IsKnownFiscalYear(year) && ListRenewals.IsKnownFiscalYear(year - 1) ? year : null
        : (await settings.GetAsync(ct)).FiscalYearOf(clock.Today);

    public async Task<Result<SpendReport>> ReportAsync(int? fiscalYear, CancellationToken ct)
    {
        if (!MaySee)
            return Result<SpendReport>.Forbidden();
        if (await FiscalYearAsync(fiscalYear, ct) is not { } year)
            return Result<SpendReport>.Invalid(nameof(fiscalYear), ListRenewals.FiscalYearMessage);
        var startMonth = (await settings.GetAsync(ct)).FiscalYearStartMonth;
        var (from, to) = RenewalDates.FiscalYear(year, startMonth);
        var (before, _) = RenewalDates.FiscalYear(year - 1, startMonth);

        var spend = new Dictionary<int, decimal[]>(); // agency → renewals, renewals before, procurement, procurement before
        decimal[] Of(int agency) => spend.TryGetValue(agency, out var s) ? s : spend[agency] = new decimal[4];

        var renewals = db.Renewals.AsNoTracking().Where(r => r.Cost != null && !NoSpend.Contains(r.Status));
        // Paid once a term: counted in the year the term starts (summed here: SQLite cannot sum decimals exactly).
        foreach (var r in await renewals.Where(r => r.BillingPeriod != BillingPeriod.Monthly && r.TermStart >= before && r.TermStart <= to)
                     .Select(r => new { r.AgencyId, r.Cost, r.TermStart }).ToListAsync(ct))
            Of(r.AgencyId)[r.TermStart >= from ? 0 : 1] += r.Cost!.Value;
        // Billed monthly: each month of the term that falls in the year.
        foreach (var r in await renewals.Where(r => r.BillingPeriod == BillingPeriod.Monthly && r.TermStart <= to && r.TermEnd >= before)
                     .Select(r => new { r.AgencyId, r.Cost, r.TermStart, r.TermEnd }).ToListAsync(ct))
        {
            Of(r.AgencyId)[0] += r.Cost!.Value * Months(r.TermStart, r.TermEnd, from, to);
            Of(r.AgencyId)[1] += r.Cost!.Value * Months(r.TermStart, r.TermEnd, before, from.AddDays(-1));
        }

        var beforeUtc = clock.ToUtc(before.ToDateTime(TimeOnly.MinValue));
        var toUtc = clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var requests = await db.ProcurementRequests.AsNoTracking()
            .Where(p => p.Status != ProcurementStatus.Declined && p.Status != ProcurementStatus.Withdrawn
                && (p.ApprovedOn != null ? p.ApprovedOn >= before && p.ApprovedOn <= to : p.CreatedAt >= beforeUtc && p.CreatedAt < toUtc))
            .Select(p => new { p.AgencyId, p.ApprovedOn, p.CreatedAt, p.EstimatedCost, Quotes = p.Quotes.Select(q => q.Amount).ToList() })
            .ToListAsync(ct);
        foreach (var p in requests)
        {
            var day = p.ApprovedOn ?? clock.DateOf(p.CreatedAt);
            Of(p.AgencyId)[day >= from ? 2 : 3] += p.Quotes.Count > 0 ? p.Quotes.Min() : p.EstimatedCost ?? 0;
        }

        var names = await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.IsActive }).ToListAsync(ct);
        var rows = names.Where(a => a.IsActive || spend.ContainsKey(a.Id))
            .Select(a => spend.TryGetValue(a.Id, out var s) ? new AgencySpend(a.Id, a.Name, s[0], s[1], s[2], s[3]) : new AgencySpend(a.Id, a.Name, 0, 0, 0, 0))
            .OrderByDescending(a => a.Total).ThenBy(a => a.Agency, StringComparer.CurrentCultureIgnoreCase).ToList();
        return Result<SpendReport>.Ok(new SpendReport(year, from, to, rows));
    }

    /// <summary>How many months of a term (counted from its start day) begin within <paramref name="from"/>–<paramref name="to"/>.</summary>
    internal static int Months(DateOnly termStart, DateOnly termEnd, DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var (month, i) = (termStart, 0); month <= termEnd && month <= to && i < 3600; month = termStart.AddMonths(++i))
        {
            if (month >= from)
                count++;
        }
        return count;
    }
}
