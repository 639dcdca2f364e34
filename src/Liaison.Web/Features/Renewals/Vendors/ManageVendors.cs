using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals.Vendors;

internal sealed record VendorListQuery(string? Search = null, string? Sort = null, bool Desc = false, int Page = 1, int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record VendorRow(int Id, string Name, string? Url, string? FirstContact, int Products, int Renewals);

/// <summary>A product of a vendor and the agencies that use it.</summary>
internal sealed record ProductUsage(int ProductId, string Product, IReadOnlyList<NamedRef> Agencies);

/// <summary>One product offered to the renewal form's type-ahead, named "Vendor — Product".</summary>
internal sealed record ProductSuggestion(int Id, string Name);

/// <summary>
/// The vendors of the renewal log: the list, one vendor with its contacts and products, adding and editing. Provider
/// staff read them; administrators and relationship managers write them. Agency users never reach them.
/// </summary>
internal sealed class ManageVendors(LiaisonDbContext db, AccessRule access, ListCounts counts, OrganisationClock clock)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<Vendor>> Sorts = new Dictionary<string, SortOrder<Vendor>>
    {
        ["name"] = SortOrder<Vendor>.By(v => v.Name),
    };

    public bool MaySee => access.CanSeeProviderRecords;

    public bool MayEdit => MaySee && access.CanManageVendors;

    public async Task<Result<PagedResult<VendorRow>>> ListAsync(VendorListQuery query, CancellationToken ct)
    {
        if (!MaySee)
            return Result<PagedResult<VendorRow>>.Forbidden();
        return Result<PagedResult<VendorRow>>.Ok(await Rows(Filtered(query)).ToPageAsync(query, ct, counts));
    }

    public async Task<Result<ExportFile>> ExportAsync(VendorListQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!MaySee)
            return Result<ExportFile>.Forbidden();
        var rows = await Rows(Filtered(query)).ToListAsync(ct);
        return Result<ExportFile>.Ok(TableExport.ToFile(rows, Columns, format, "vendors", clock.UtcNow));
    }

    public static IReadOnlyList<ExportColumn<VendorRow>> Columns =>
    [
        new("Id", r => r.Id),
        new("Company", r => r.Name),
        new("Web site", r => r.Url),
        new("Contact", r => r.FirstContact),
        new("Products", r => r.Products),
        new("Renewals", r => r.Renewals),
    ];

    private IQueryable<Vendor> Filtered(VendorListQuery query)
    {
        var vendors = db.Vendors.AsNoTracking();
        if (Paging.SearchPattern(query.Search) is { } term)
            vendors = vendors.Where(v => v.SearchText.Contains(term));
        return vendors.Sorted(query, Sorts, "name", v => v.Id);
    }

    private IQueryable<VendorRow> Rows(IQueryable<Vendor> vendors) => vendors.Select(v => new VendorRow(v.Id, v.Name, v.Url,
        v.Contacts.OrderBy(c => c.Id).Select(c => c.Name).FirstOrDefault(), v.Products.Count,
        db.Set<Renewal>().Count(r => r.Product!.VendorId == v.Id)));

    public async Task<Result<Vendor>> GetAsync(int id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<Vendor>.NotFound();
        var vendor = await db.Vendors.AsNoTracking().Include(v => v.Contacts).Include(v => v.Products).AsSplitQuery()
            .FirstOrDefaultAsync(v => v.Id == id, ct);
        return vendor is null ? Result<Vendor>.NotFound() : Result<Vendor>.Ok(vendor);
    }

    /// <summary>
    /// Each of the vendor's products and the agencies that use it: those with a term of it not yet ended or ended within
    /// the last year, neither cancelled nor given up.
    /// </summary>
    public async Task<Result<IReadOnlyList<ProductUsage>>> UsageAsync(int id, DateOnly today, CancellationToken ct)
    {
        if (!MaySee || !await db.Vendors.AnyAsync(v => v.Id == id, ct))
            return Result<IReadOnlyList<ProductUsage>>.NotFound();
        var since = today.AddYears(-1);
        var uses = await db.Set<Renewal>().AsNoTracking()
            .Where(r => r.Product!.VendorId == id && r.TermEnd >= since && !RenewalDates.GivenUpStatuses.Contains(r.Status))
            .Select(r => new { r.ProductId, r.AgencyId, Agency = r.Agency!.Name }).Distinct().ToListAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => p.VendorId == id).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        return Result<IReadOnlyList<ProductUsage>>.Ok(products.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => new ProductUsage(p.Id, p.Name, uses.Where(u => u.ProductId == p.Id).OrderBy(u => u.Agency, StringComparer.CurrentCultureIgnoreCase)
                .Select(u => new NamedRef(u.AgencyId, u.Agency)).ToList()))
            .ToList());
    }

    public async Task<Result<Vendor>> CreateAsync(VendorInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<Vendor>.NotFound();
        if (!MayEdit)
            return Result<Vendor>.Forbidden();
        if (await ValidateAsync(input, null, ct) is { } errors)
            return Result<Vendor>.Invalid(errors);
        var vendor = new Vendor();
        input.ApplyTo(vendor);
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync(ct);
        return Result<Vendor>.Ok(vendor);
    }

    public async Task<Result<Vendor>> UpdateAsync(int id, VendorInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<Vendor>.NotFound();
        var vendor = await db.Vendors.Include(v => v.Contacts).Include(v => v.Products).AsSplitQuery().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (vendor is null)
            return Result<Vendor>.NotFound();
        if (!MayEdit)
            return Result<Vendor>.Forbidden();
        if (await ValidateAsync(input, vendor, ct) is { } errors)
            return Result<Vendor>.Invalid(errors);
        return await Edits.SaveAsync(db, vendor, input.Version ?? 0, input, VendorInput.From, input.ApplyTo, nameof(Vendor), id, ct);
    }

    /// <summary>The most products the renewal form lists in a plain select; beyond, it offers the chosen one and a type-ahead.</summary>
    public const int ProductsListedInFull = 300;

    /// <summary>
    /// The renewal form's choice of product, "Vendor — Product": every product while there are at most
    /// <see cref="ProductsListedInFull"/>, else only <paramref name="chosen"/> (<c>Complete</c> false: the form's type-ahead,
    /// <see cref="SuggestProductsAsync"/>, finds the others). <c>Any</c>: whether there is a product at all.
    /// </summary>
    public async Task<(IReadOnlyList<(int Id, string Name)> Choices, bool Complete, bool Any)> ProductChoicesAsync(int? chosen, CancellationToken ct)
    {
        if (!MaySee)
            return ([], true, false);
        var products = db.Products.AsNoTracking();
        var count = await products.Take(ProductsListedInFull + 1).CountAsync(ct);
        var complete = count <= ProductsListedInFull;
        if (!complete)
            products = products.Where(p => p.Id == chosen);
        var rows = (await products.Select(p => new { p.Id, Vendor = p.Vendor!.Name, p.Name }).ToListAsync(ct))
            .OrderBy(p => p.Vendor, StringComparer.CurrentCultureIgnoreCase).ThenBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .Select(p => (p.Id, $"{p.Vendor} — {p.Name}")).ToList();
        return (rows, complete, count > 0);
    }

    /// <summary>
    /// The product picker's server side: products whose vendor's or own name has a word beginning with each word typed,
    /// by vendor and name; provider users only (an agency user is offered nothing).
    /// </summary>
    public async Task<Result<IReadOnlyList<ProductSuggestion>>> SuggestProductsAsync(string? typed, int limit, CancellationToken ct)
    {
        if (!MaySee)
            return Result<IReadOnlyList<ProductSuggestion>>.Forbidden();
        var words = TypeAhead.Words(typed);
        if (words.Count == 0)
            return Result<IReadOnlyList<ProductSuggestion>>.Ok([]);
        var products = db.Products.AsNoTracking();
        foreach (var word in words)
        {
            var (start, inside) = TypeAhead.Patterns(word);
            products = products.Where(p => EF.Functions.Like((p.Vendor!.Name + " " + p.Name).ToLower(), start, "\\")
                || EF.Functions.Like((p.Vendor!.Name + " " + p.Name).ToLower(), inside, "\\"));
        }
        return Result<IReadOnlyList<ProductSuggestion>>.Ok(await products.OrderBy(p => p.Vendor!.Name).ThenBy(p => p.Name).ThenBy(p => p.Id)
            .Take(Math.Clamp(limit, 1, SuggestionLimit)).Select(p => new ProductSuggestion(p.Id, p.Vendor!.Name + " — " + p.Name)).ToListAsync(ct));
    }

    public const int SuggestionLimit = 25;

    private async Task<Dictionary<string, string[]>?> ValidateAsync(VendorInput input, Vendor? current, CancellationToken ct)
    {
        // A list sent as null, or with null rows (JSON allows both), is read as no rows there.
        input.Contacts = (input.Contacts ?? []).Select(c => c ?? new VendorContactInput()).ToList();
        input.Products = (input.Products ?? []).Select(p => p ?? new ProductInput()).ToList();
        var errors = Validation.Check(VendorInputValidator.Instance, input) ?? [];
        CheckRows(errors, nameof(VendorInput.Contacts), input.Contacts, c => c.IsBlank, VendorContactInputValidator.Instance);
        CheckRows(errors, nameof(VendorInput.Products), input.Products, p => p.IsBlank, ProductInputValidator.Instance);
        if (!errors.ContainsKey(nameof(VendorInput.Name)) && input.Name.Trim() is { Length: > 0 } name)
        {
            var lower = name.ToLowerInvariant();
            if (await db.Vendors.AnyAsync(v => v.Name.ToLower() == lower && (current == null || v.Id != current.Id), ct))
                errors[nameof(VendorInput.Name)] = ["A vendor of that name is already in the log."];
        }
        var products = input.Products.Select((p, i) => (Row: p, Index: i)).Where(p => !p.Row.IsBlank).ToList();
        foreach (var duplicate in products.GroupBy(p => p.Row.Name!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors[$"{nameof(VendorInput.Products)}[{duplicate.Last().Index}].{nameof(ProductInput.Name)}"] = ["This product is listed twice."];
        // A row that names an id must be one of this vendor's: ids are not a way into another vendor's records.
        foreach (var (row, index) in input.Contacts.Select((c, i) => (c, i)).Where(r => r.c.Id is not null && !r.c.IsBlank))
        {
            if (current is null || current.Contacts.All(c => c.Id != row.Id))
                errors[$"{nameof(VendorInput.Contacts)}[{index}].{nameof(VendorContactInput.Name)}"] = ["This contact is not one of this vendor's."];
        }
        foreach (var (row, index) in products.Where(p => p.Row.Id is not null))
        {
            if (current is null || current.Products.All(p => p.Id != row.Id))
                errors[$"{nameof(VendorInput.Products)}[{index}].{nameof(ProductInput.Name)}"] = ["This product is not one of this vendor's."];
        }
        if (current is not null)
        {
            // A product left out is removed, unless renewals name it: then it stays, and the person is told which.
            var kept = products.Select(p => p.Row.Id).OfType<int>().ToHashSet();
            var dropped = current.Products.Where(p => !kept.Contains(p.Id)).Select(p => p.Id).ToList();
            var named = dropped.Count == 0 ? []
                : await db.Renewals.Where(r => dropped.Contains(r.ProductId)).Select(r => r.Product!.Name).Distinct().ToListAsync(ct);
            if (named.Count > 0)
                errors[nameof(VendorInput.Products)] = [$"{string.Join(", ", named.Order(StringComparer.CurrentCultureIgnoreCase))}: renewals name it, so it stays; rename it instead."];
        }
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>Each non-blank row under its own rules, its errors keyed by row: <c>Contacts[1].Email</c>.</summary>
    private static void CheckRows<T>(Dictionary<string, string[]> errors, string list, List<T> rows, Func<T, bool> isBlank, FluentValidation.IValidator<T> validator)
        where T : class
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (isBlank(rows[i]))
                continue;
            foreach (var (field, messages) in Validation.Check(validator, rows[i]) ?? [])
                errors[$"{list}[{i}].{field}"] = messages;
        }
    }
}
