using Liaison.Web.Features.Renewals.Vendors;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Renewals;

internal sealed record VendorContactDto(int Id, string Name, string? Phone, string? Email);

internal sealed record ProductDto(int Id, string Name);

internal sealed record VendorDto(int Id, string Name, string? Address, string? Url, IReadOnlyList<VendorContactDto> Contacts, IReadOnlyList<ProductDto> Products, int Version)
{
    public static VendorDto From(Vendor v) => new(v.Id, v.Name, v.Address, v.Url,
        v.Contacts.OrderBy(c => c.Id).Select(c => new VendorContactDto(c.Id, c.Name, c.Phone, c.Email)).ToList(),
        v.Products.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).Select(p => new ProductDto(p.Id, p.Name)).ToList(), v.Version);
}

/// <summary>A term of the renewal before or after, as the handbook's "previous year" columns show it.</summary>
internal sealed record RenewalTermDto(int Id, string? RenewalNumber, string? PurchaseOrders, decimal? Cost, DateOnly TermStart, DateOnly TermEnd);

internal sealed record RenewalDto(int Id, int ProductId, string? Product, int? VendorId, string? Vendor, int AgencyId, string? Agency, string? RenewalNumber,
    string? PurchaseOrders, decimal? Cost, BillingPeriod BillingPeriod, int? Seats, decimal? CostPerSeat, DateOnly TermStart, DateOnly TermEnd,
    int VendorNoticeDays, int LeadTimeDays, bool RenewsTacitly, DateOnly LastSafeDate, RenewalStatus Status, int? ResponsibleManagerPersonId,
    string? ResponsibleManager, string? Notes, RenewalTermDto? Previous, RenewalTermDto? Next, decimal? CostChange, IReadOnlyList<ProductCost> CostHistory,
    IReadOnlyList<SentReminder> Reminders, int Version)
{
    public static RenewalDto From(RenewalView view)
    {
        var r = view.Renewal;
        return new(r.Id, r.ProductId, r.Product?.Name, r.Product?.VendorId, r.Product?.Vendor?.Name, r.AgencyId, r.Agency?.Name, r.RenewalNumber,
            r.PurchaseOrders, r.Cost, r.BillingPeriod, r.Seats, r.CostPerSeat, r.TermStart, r.TermEnd, r.VendorNoticeDays, r.LeadTimeDays, r.RenewsTacitly,
            r.LastSafeDate, r.Status, r.ResponsibleManagerPersonId, r.ResponsibleManager?.FullName, r.Notes, Term(view.Previous), Term(view.Next),
            view.CostChange, view.CostHistory, view.Reminders, r.Version);
    }

    private static RenewalTermDto? Term(Renewal? r) => r is null ? null : new(r.Id, r.RenewalNumber, r.PurchaseOrders, r.Cost, r.TermStart, r.TermEnd);
}

/// <summary>A day of the renewal calendar and how many dates fall on it.</summary>
internal sealed record RenewalDayCount(DateOnly Day, int Count);

/// <summary>A month of the renewal calendar: the count per day (every date), the first dates of each day (<see cref="RenewalCalendar.PerDay"/> of each kind), and the chosen day's in full.</summary>
internal sealed record RenewalMonthDto(DateOnly Month, int Total, IReadOnlyList<RenewalDayCount> Days, IReadOnlyList<RenewalDate> Dates, DateOnly? Day,
    IReadOnlyList<RenewalDate> DayDates)
{
    public static RenewalMonthDto From(RenewalMonth m) =>
        new(m.First, m.Total, m.Counts.OrderBy(c => c.Key).Select(c => new RenewalDayCount(c.Key, c.Value)).ToList(), m.Dates, m.Day, m.DayDates);
}

internal static class RenewalsApi
{
    public static RouteGroupBuilder MapRenewalsApi(this RouteGroupBuilder api)
    {
        var vendors = api.MapGroup("/vendors").WithTags("Renewals");
        vendors.MapGet("/", ListVendorsAsync).WithSummary("The vendors (search, sort=name, desc, page, pageSize); provider users only");
        vendors.MapGet("/export", ExportVendorsAsync).WithSummary("The vendors as filtered (format=csv, the default, or xlsx)");
        vendors.MapGet("/{id:int}", GetVendorAsync).WithSummary("One vendor with its contacts and products");
        vendors.MapGet("/{id:int}/usage", VendorUsageAsync).WithSummary("Each of the vendor's products and the agencies that use it (a term not ended, or ended within the year; not cancelled or given up)");
        vendors.MapPost("/", CreateVendorAsync).WithSummary("Add a vendor with its contacts and products (administrators and relationship managers)");
        vendors.MapPut("/{id:int}", UpdateVendorAsync)
            .WithSummary("Edit a vendor: contacts and products are matched by id (a row without one is new; a contact left out is removed); a stale version is answered 409");

        api.MapGet("/products/suggest", SuggestProductsAsync).WithTags("Renewals")
            .WithSummary("Products whose vendor's or own name has a word beginning with each word of q, \"Vendor — Product\" (limit, at most 25); provider users only");
        var renewals = api.MapGroup("/renewals").WithTags("Renewals");
        renewals.MapGet("/", ListAsync)
            .WithSummary("The renewal log (search, agencyId, vendorId, managerPersonId, status=open|settled|lapsed|all|<status>, due=overdue|soon, fiscalYear, sort=last-safe|term-end|agency|vendor|status, desc, page, pageSize); provider users only");
        renewals.MapGet("/export", ExportAsync).WithSummary("The log as filtered (format=csv, the default, or xlsx), in the handbook's layout");
        renewals.MapImport<ImportRenewals>("/import")
            .WithSummary("Import a renewal log (multipart 'file', optional 'columns' JSON); dryRun=true previews; a row with an Id, or the same agency, product and term start, updates; new vendors and products are added");
        renewals.MapGet("/spend", SpendAsync)
            .WithSummary("Spend per agency in a fiscal year (fiscalYear, this one by default) and the year before: renewals, procurement and totals");
        renewals.MapGet("/calendar", CalendarAsync)
            .WithSummary("The renewal calendar of a month (month=yyyy-MM, this month by default; agencyId, managerPersonId; day=yyyy-MM-dd lists that day in full): the number of dates each day, and the dates");
        renewals.MapGet("/{id:int}", GetAsync).WithSummary("One renewal, with the term before and after it and the product's cost history");
        renewals.MapPost("/", CreateAsync).WithSummary("Log a renewal (the agency's relationship managers and administrators)");
        renewals.MapPut("/{id:int}", UpdateAsync).WithSummary("Edit a renewal; a stale version is answered 409");
        renewals.MapPost("/{id:int}/next", StartNextAsync)
            .WithSummary("Start the next term's renewal: the same product, agency, notice, lead time and manager, the term after this one");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<VendorRow>>, ProblemHttpResult>> ListVendorsAsync([AsParameters] VendorListQuery query, ManageVendors vendors,
        CancellationToken ct) =>
        (await vendors.ListAsync(query, ct)).ToOk(page => page);

    private static Task<Results<Download, ProblemHttpResult>> ExportVendorsAsync([AsParameters] VendorListQuery query, string? format, ManageVendors vendors,
        CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => vendors.ExportAsync(query, f, ct));

    private static async Task<Results<Ok<IReadOnlyList<ProductSuggestion>>, ProblemHttpResult>> SuggestProductsAsync(string? q, int? limit,
        ManageVendors vendors, CancellationToken ct) =>
        (await vendors.SuggestProductsAsync(q, limit ?? 10, ct)).ToOk(found => found);

    private static async Task<Results<Ok<IReadOnlyList<ProductUsage>>, ProblemHttpResult>> VendorUsageAsync(int id, ManageVendors vendors,
        Platform.Time.OrganisationClock clock, CancellationToken ct) =>
        (await vendors.UsageAsync(id, clock.Today, ct)).ToOk(usage => usage);

    private static async Task<Results<VersionedOk<VendorDto>, ProblemHttpResult>> GetVendorAsync(int id, ManageVendors vendors, CancellationToken ct) =>
        (await vendors.GetAsync(id, ct)).ToVersioned(VendorDto.From, v => v.Version);

    private static async Task<Results<VersionedCreated<VendorDto>, ProblemHttpResult>> CreateVendorAsync(VendorInput input, ManageVendors vendors, CancellationToken ct)
    {
        var created = await vendors.CreateAsync(input, ct);
        return created.IsOk
            ? (await vendors.GetAsync(created.Value!.Id, ct)).ToCreated(VendorDto.From, v => $"/api/v1/vendors/{v.Id}", v => v.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<VendorDto>, ProblemHttpResult>> UpdateVendorAsync(int id, VendorInput input, HttpContext http,
        ManageVendors vendors, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await vendors.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await vendors.GetAsync(id, ct)).ToVersioned(VendorDto.From, v => v.Version) : updated.Problem();
    }

    private static async Task<Results<Ok<PagedResult<RenewalRow>>, ProblemHttpResult>> ListAsync([AsParameters] RenewalListQuery query, ListRenewals log,
        CancellationToken ct) =>
        (await log.ListAsync(query, ct)).ToOk(page => page);

    private static async Task<Results<Ok<SpendReport>, ProblemHttpResult>> SpendAsync(int? fiscalYear, RenewalSpend spend, CancellationToken ct) =>
        (await spend.ReportAsync(fiscalYear, ct)).ToOk(report => report);

    private static async Task<Results<Ok<RenewalMonthDto>, ProblemHttpResult>> CalendarAsync([AsParameters] RenewalCalendarQuery query, RenewalCalendar calendar,
        CancellationToken ct) =>
        (await calendar.MonthAsync(query, ct)).ToOk(RenewalMonthDto.From);

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] RenewalListQuery query, string? format, ListRenewals log,
        CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => log.ExportAsync(query, f, ct));

    private static async Task<Results<VersionedOk<RenewalDto>, ProblemHttpResult>> GetAsync(int id, ManageRenewals renewals, CancellationToken ct) =>
        (await renewals.GetAsync(id, ct)).ToVersioned(RenewalDto.From, d => d.Version);

    private static async Task<Results<VersionedCreated<RenewalDto>, ProblemHttpResult>> CreateAsync(RenewalInput input, ManageRenewals renewals, CancellationToken ct)
    {
        var created = await renewals.CreateAsync(input, ct);
        return created.IsOk
            ? (await renewals.GetAsync(created.Value!.Id, ct)).ToCreated(RenewalDto.From, d => $"/api/v1/renewals/{d.Id}", d => d.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<RenewalDto>, ProblemHttpResult>> UpdateAsync(int id, RenewalInput input, HttpContext http,
        ManageRenewals renewals, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await renewals.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await renewals.GetAsync(id, ct)).ToVersioned(RenewalDto.From, d => d.Version) : updated.Problem();
    }

    private static async Task<Results<VersionedCreated<RenewalDto>, ProblemHttpResult>> StartNextAsync(int id, ManageRenewals renewals, CancellationToken ct)
    {
        var started = await renewals.StartNextAsync(id, ct);
        return started.IsOk
            ? (await renewals.GetAsync(started.Value!.Id, ct)).ToCreated(RenewalDto.From, d => $"/api/v1/renewals/{d.Id}", d => d.Version)
            : started.Problem();
    }
}
