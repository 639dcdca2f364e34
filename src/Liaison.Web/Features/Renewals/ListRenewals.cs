using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// The renewal log's filters. <c>Status</c>: "open" (the default: still to act on), "settled", "lapsed", "all", or one
/// status by name; <c>Due</c>: "overdue" (the last safe date has passed) or "soon" (within <see cref="RenewalDates.DueSoonDays"/>
/// days, or passed); <c>FiscalYear</c>: the terms that touch that fiscal year (named by the year it ends in).
/// </summary>
internal sealed record RenewalListQuery(
    string? Search = null,
    int? AgencyId = null,
    int? VendorId = null,
    int? ManagerPersonId = null,
    string? Status = null,
    string? Due = null,
    int? FiscalYear = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

/// <summary>A line of the log in the handbook's layout: vendor with contact, product, this term, and the term before.</summary>
internal sealed record RenewalRow(int Id, int VendorId, string Vendor, [property: System.Text.Json.Serialization.JsonIgnore] string? VendorContactLine, string Product,
    int AgencyId, string Agency, string? RenewalNumber, string? PurchaseOrders, decimal? Cost, BillingPeriod BillingPeriod, DateOnly TermStart,
    DateOnly TermEnd, DateOnly LastSafeDate, bool RenewsTacitly, RenewalStatus Status, string? Manager, string? PreviousRenewalNumber,
    string? PreviousPurchaseOrders, decimal? PreviousCost, int VendorNoticeDays, int LeadTimeDays)
{
    /// <summary>The vendor's first contact: name, phone and email, read as one line (one subquery per row, not three).</summary>
    public string? VendorContact => Part(0);

    public string? VendorPhone => Part(1);

    public string? VendorEmail => Part(2);

    private string? Part(int index) => VendorContactLine?.Split('\n') is { } parts && parts.Length > index && parts[index].Length > 0 ? parts[index] : null;
}

/// <summary>The renewal log as provider staff read it: filtered, sorted, paged, and exported.</summary>
internal sealed class ListRenewals(LiaisonDbContext db, AccessRule access, ListCounts counts, OrganisationClock clock, SiteSettings settings, RenewalNames names)
{
    public const int FirstFiscalYear = 1901;
    public const int LastFiscalYear = 2199;
    public const string FiscalYearMessage = "Choose a fiscal year between 1901 and 2199.";

    /// <summary>Whether the log can be filtered by <paramref name="year"/> (none is a year too).</summary>
    public static bool IsKnownFiscalYear(int? year) => year is null or (>= FirstFiscalYear and <= LastFiscalYear);

    private static readonly IReadOnlyDictionary<string, SortOrder<Renewal>> Sorts = new Dictionary<string, SortOrder<Renewal>>
    {
        ["last-safe"] = SortOrder<Renewal>.By(r => r.LastSafeDate),
        ["term-end"] = SortOrder<Renewal>.By(r => r.TermEnd),
        ["agency"] = SortOrder<Renewal>.By(r => r.Agency!.Name).ThenBy(r => r.LastSafeDate),
        ["vendor"] = SortOrder<Renewal>.By(r => r.Product!.Vendor!.Name).ThenBy(r => r.Product!.Name),
        ["status"] = SortOrder<Renewal>.By(r => r.Status).ThenBy(r => r.LastSafeDate),
    };

    public bool MaySee => access.CanSeeProviderRecords;

    public async Task<Result<PagedResult<RenewalRow>>> ListAsync(RenewalListQuery query, CancellationToken ct)
    {
        if (!MaySee)
            return Result<PagedResult<RenewalRow>>.Forbidden();
        if (await FilteredAsync(query, ct) is not { } filtered)
            return Result<PagedResult<RenewalRow>>.Invalid(nameof(RenewalListQuery.FiscalYear), FiscalYearMessage);
        var page = await Lines(filtered).ToPageAsync(query, ct, counts);
        return Result<PagedResult<RenewalRow>>.Ok(new PagedResult<RenewalRow>(await CompleteAsync(page.Items, ct), page.Page, page.PageSize, page.TotalCount));
    }

    public async Task<Result<ExportFile>> ExportAsync(RenewalListQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!MaySee)
            return Result<ExportFile>.Forbidden();
        if (await FilteredAsync(query, ct) is not { } filtered)
            return Result<ExportFile>.Invalid(nameof(RenewalListQuery.FiscalYear), FiscalYearMessage);
        return Result<ExportFile>.Ok(TableExport.ToFile(await CompleteAsync(await Lines(filtered).ToListAsync(ct), ct), Columns, format, "renewal-log", clock.UtcNow));
    }

    /// <summary>The export's columns: the handbook's form (vendor, contact, product, current year, previous year) and the dates.</summary>
    public static IReadOnlyList<ExportColumn<RenewalRow>> Columns =>
    [
        new("Id", r => r.Id),
        new("Vendor", r => r.Vendor),
        new("Vendor contact", r => r.VendorContact),
        new("Contact phone", r => r.VendorPhone),
        new("Contact email", r => r.VendorEmail),
        new("Product", r => r.Product),
        new("Agency", r => r.Agency),
        new("Renewal number", r => r.RenewalNumber),
        new("PO numbers", r => r.PurchaseOrders),
        new("Cost", r => r.Cost),
        new("Billing period", r => RenewalText.Billing(r.BillingPeriod)),
        new("Term starts", r => r.TermStart),
        new("Term ends", r => r.TermEnd),
        new("Vendor notice (days)", r => r.VendorNoticeDays),
        new("Lead time (days)", r => r.LeadTimeDays),
        new("Last safe date", r => r.LastSafeDate),
        new("Renews tacitly", r => r.RenewsTacitly),
        new("Status", r => RenewalText.Status(r.Status)),
        new("Responsible manager", r => r.Manager),
        new("Previous renewal number", r => r.PreviousRenewalNumber),
        new("Previous PO numbers", r => r.PreviousPurchaseOrders),
        new("Previous cost", r => r.PreviousCost),
    ];

    /// <summary>The filtered, sorted log; null when the fiscal year is out of range.</summary>
    private async Task<IQueryable<Renewal>?> FilteredAsync(RenewalListQuery query, CancellationToken ct)
    {
        var renewals = db.Renewals.AsNoTracking();
        if (query.AgencyId is { } agencyId)
            renewals = renewals.Where(r => r.AgencyId == agencyId);
        if (query.VendorId is { } vendorId)
            renewals = renewals.Where(r => r.Product!.VendorId == vendorId);
        if (query.ManagerPersonId is { } managerId)
            renewals = renewals.Where(r => r.ResponsibleManagerPersonId == managerId);
        renewals = query.Status?.Trim().ToLowerInvariant() switch
        {
            "all" => renewals,
            "settled" => renewals.Where(r => RenewalDates.SettledStatuses.Contains(r.Status)),
            "lapsed" => renewals.Where(r => r.Status == RenewalStatus.Lapsed),
            { } name when Enum.TryParse<RenewalStatus>(name, ignoreCase: true, out var one) && Enum.IsDefined(one) && !int.TryParse(name, out _) =>
                renewals.Where(r => r.Status == one),
            _ => renewals.Where(r => RenewalDates.OpenStatuses.Contains(r.Status)),
        };
        var today = clock.Today;
        renewals = query.Due?.Trim().ToLowerInvariant() switch
        {
            "overdue" => renewals.Where(r => r.LastSafeDate < today),
            "soon" => renewals.Where(r => r.LastSafeDate <= today.AddDays(RenewalDates.DueSoonDays)),
            _ => renewals,
        };
        if (!IsKnownFiscalYear(query.FiscalYear))
            return null;
        if (query.FiscalYear is { } year)
        {
            var (start, end) = RenewalDates.FiscalYear(year, (await settings.GetAsync(ct)).FiscalYearStartMonth);
            renewals = renewals.Where(r => r.TermStart <= end && r.TermEnd >= start);
        }
        if (Paging.SearchPattern(query.Search) is { } term)
        {
            renewals = renewals.Where(r => r.SearchText.Contains(term) || r.Product!.Name.ToLower().Contains(term)
                || r.Product.Vendor!.SearchText.Contains(term) || r.Agency!.SearchText.Contains(term));
        }
        return renewals.Sorted(query, Sorts, "last-safe", r => r.Id);
    }

    /// <summary>
    /// The log's rows: the renewals with the term before (one table), then the names beside them from
    /// <see cref="RenewalNames"/>. Filters and sorts by a name still join in SQL.
    /// </summary>
    private static IQueryable<RenewalLine> Lines(IQueryable<Renewal> renewals) => renewals.Select(r => new RenewalLine(r.Id, r.ProductId,
        r.AgencyId, r.RenewalNumber, r.PurchaseOrders, r.Cost, r.BillingPeriod, r.TermStart, r.TermEnd, r.LastSafeDate, r.RenewsTacitly,
        r.Status, r.ResponsibleManagerPersonId, r.VendorNoticeDays, r.LeadTimeDays,
        r.PreviousRenewal == null ? null : r.PreviousRenewal.RenewalNumber,
        r.PreviousRenewal == null ? null : r.PreviousRenewal.PurchaseOrders,
        r.PreviousRenewal == null ? null : r.PreviousRenewal.Cost));

    private async Task<List<RenewalRow>> CompleteAsync(IReadOnlyList<RenewalLine> lines, CancellationToken ct)
    {
        if (lines.Count == 0)
            return [];
        var known = await names.GetAsync(ct);
        if (!known.Cover(lines.Select(l => (l.ProductId, l.AgencyId, l.ManagerPersonId))))
            known = await names.LoadAsync(ct); // saved on another instance since this request read the data generation
        return lines.Select(l =>
        {
            var product = known.Products[l.ProductId];
            return new RenewalRow(l.Id, product.VendorId, product.Vendor, product.VendorContactLine, product.Product, l.AgencyId,
                known.Agencies[l.AgencyId], l.RenewalNumber, l.PurchaseOrders, l.Cost, l.BillingPeriod, l.TermStart, l.TermEnd, l.LastSafeDate,
                l.RenewsTacitly, l.Status, l.ManagerPersonId is { } id ? known.People.GetValueOrDefault(id) : null,
                l.PreviousRenewalNumber, l.PreviousPurchaseOrders, l.PreviousCost, l.VendorNoticeDays, l.LeadTimeDays);
        }).ToList();
    }

    /// <summary>A renewal as <see cref="Lines"/> reads it, before the names.</summary>
    private sealed record RenewalLine(int Id, int ProductId, int AgencyId, string? RenewalNumber, string? PurchaseOrders, decimal? Cost,
        BillingPeriod BillingPeriod, DateOnly TermStart, DateOnly TermEnd, DateOnly LastSafeDate, bool RenewsTacitly, RenewalStatus Status,
        int? ManagerPersonId, int VendorNoticeDays, int LeadTimeDays, string? PreviousRenewalNumber, string? PreviousPurchaseOrders,
        decimal? PreviousCost);
}

/// <summary>How statuses and billing periods read.</summary>
internal static class RenewalText
{
    public static string Status(RenewalStatus status) => status switch
    {
        RenewalStatus.NotStarted => "Not started",
        RenewalStatus.QuoteRequested => "Quote requested",
        RenewalStatus.QuoteReceived => "Quote received",
        RenewalStatus.TicketEntered => "Ticket entered",
        RenewalStatus.PoIssued => "PO issued",
        RenewalStatus.Paid => "Paid",
        RenewalStatus.RenewingTacitly => "Renewing tacitly",
        RenewalStatus.NotRenewing => "Not renewing",
        RenewalStatus.Cancelled => "Cancelled",
        RenewalStatus.Lapsed => "Lapsed",
        _ => status.ToString(),
    };

    private static readonly System.Globalization.CultureInfo Dollars = System.Globalization.CultureInfo.GetCultureInfo("en-US");

    /// <summary>An amount in dollars, as the procurement system writes it: $12,600.00.</summary>
    public static string Money(decimal? amount, int decimals = 2) => amount is { } a ? a.ToString("C" + decimals, Dollars) : "—";

    public static string Billing(BillingPeriod period) => period switch
    {
        BillingPeriod.Monthly => "Monthly",
        BillingPeriod.MultiYear => "Multi-year",
        _ => "Annual",
    };
}
