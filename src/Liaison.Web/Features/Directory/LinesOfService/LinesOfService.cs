using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.LinesOfService;

internal sealed class LineOfServiceInput : IVersionedInput
{
    [Display(Name = "Name")]
    public string Name { get; set => field = value ?? ""; } = "";

    [Display(Name = "Operational unit")]
    public int? OperationalUnitId { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Key functions")]
    public string? Description { get; set; }

    public int? Version { get; set; }

    public static LineOfServiceInput From(LineOfService l) =>
        new() { Name = l.Name, OperationalUnitId = l.OperationalUnitId, Description = l.Description, Version = l.Version };

    public void ApplyTo(LineOfService l)
    {
        l.Name = Name.Trim();
        l.OperationalUnitId = OperationalUnitId ?? 0;
        l.Description = Validation.Clean(Description);
    }
}

internal sealed class LineOfServiceInputValidator : AbstractValidator<LineOfServiceInput>
{
    public static readonly LineOfServiceInputValidator Instance = new();

    public LineOfServiceInputValidator()
    {
        RuleFor(l => l.Name).NotEmpty().WithMessage("Enter the line of service's name.").MaximumLength(200);
        RuleFor(l => l.OperationalUnitId).NotNull().WithMessage("Choose the operational unit that delivers it.");
        RuleFor(l => l.Description).MaximumLength(4000);
    }
}

internal sealed record LineOfServiceListQuery(
    string? Search = null,
    int? OperationalUnitId = null,
    string? Status = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record CatalogueEntry(int Id, string Name, string UnitName);

internal sealed record LineOfServiceRow(int Id, string Name, int OperationalUnitId, string UnitName, string? Description, bool IsActive, int AgencyCount);

/// <summary>The service catalogue: list, read, create, edit, deactivate.</summary>
internal sealed class ManageLinesOfService(LiaisonDbContext db, AccessRule access, DerivedCache cache)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<LineOfService>> Sorts = new Dictionary<string, SortOrder<LineOfService>>
    {
        ["name"] = SortOrder<LineOfService>.By(l => l.Name),
        ["unit"] = SortOrder<LineOfService>.By(l => l.OperationalUnit!.Name).ThenBy(l => l.Name),
        ["status"] = SortOrder<LineOfService>.By(l => l.IsActive).ThenBy(l => l.Name),
    };

    public Task<PagedResult<LineOfServiceRow>> ListAsync(LineOfServiceListQuery query, CancellationToken ct) => Rows(query).ToPageAsync(query, ct);

    private IQueryable<LineOfServiceRow> Rows(LineOfServiceListQuery query)
    {
        var lines = db.LinesOfService.AsNoTracking();
        lines = (query.Status ?? "active").ToLowerInvariant() switch
        {
            "inactive" => lines.Where(l => !l.IsActive),
            "all" => lines,
            _ => lines.Where(l => l.IsActive),
        };
        if (query.OperationalUnitId is { } unitId)
            lines = lines.Where(l => l.OperationalUnitId == unitId);
        if (Paging.SearchPattern(query.Search) is { } term)
            lines = lines.Where(l => l.Name.ToLower().Contains(term) || (l.Description != null && l.Description.ToLower().Contains(term)));
        return lines.Sorted(query, Sorts, "unit", l => l.Id)
            .Select(l => new LineOfServiceRow(l.Id, l.Name, l.OperationalUnitId, l.OperationalUnit!.Name, l.Description, l.IsActive,
                db.AgencyLinesOfService.Count(a => a.LineOfServiceId == l.Id)));
    }

    public async Task<ExportFile> ExportAsync(LineOfServiceListQuery query, ExportFormat format, DateTime now, CancellationToken ct)
    {
        var rows = await Rows(query).ToListAsync(ct);
        return TableExport.ToFile(rows,
        [
            new ExportColumn<LineOfServiceRow>("Id", r => r.Id),
            new("Name", r => r.Name),
            new("Operational unit", r => r.UnitName),
            new("Key functions", r => r.Description),
            new("Agencies", r => r.AgencyCount),
            new("Status", r => r.IsActive ? "Active" : "Inactive"),
        ], format, "lines-of-service", now);
    }

    public async Task<Result<LineOfService>> GetAsync(int id, CancellationToken ct)
    {
        var line = await db.LinesOfService.AsNoTracking().Include(l => l.OperationalUnit).FirstOrDefaultAsync(l => l.Id == id, ct);
        return line is null ? Result<LineOfService>.NotFound() : Result<LineOfService>.Ok(line);
    }

    /// <summary>The active catalogue for pickers, ordered by unit then name; kept until the next save, as every agency list shows it.</summary>
    public Task<List<CatalogueEntry>> CatalogueAsync(CancellationToken ct) =>
        cache.GetAsync("lines-of-service-catalogue", () => db.LinesOfService.AsNoTracking().Where(l => l.IsActive)
            .OrderBy(l => l.OperationalUnit!.Name).ThenBy(l => l.Name)
            .Select(l => new CatalogueEntry(l.Id, l.Name, l.OperationalUnit!.Name)).ToListAsync(ct));

    /// <summary>The agencies (visible to the user) that consume a line of service.</summary>
    public Task<List<NamedRef>> AgenciesAsync(int id, CancellationToken ct) =>
        db.AgencyLinesOfService.AsNoTracking().Where(a => a.LineOfServiceId == id && a.Agency!.IsActive)
            .OrderBy(a => a.Agency!.Name).Select(a => new NamedRef(a.AgencyId, a.Agency!.Name)).ToListAsync(ct);

    public async Task<Result<LineOfService>> CreateAsync(LineOfServiceInput input, CancellationToken ct)
    {
        if (!access.CanManageReferenceData)
            return Result<LineOfService>.Forbidden();
        if (await ValidateAsync(input, null, ct) is { } errors)
            return Result<LineOfService>.Invalid(errors);
        var line = new LineOfService();
        input.ApplyTo(line);
        db.LinesOfService.Add(line);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (Edits.IsUniqueViolation(ex))
        {
            return Result<LineOfService>.Invalid(nameof(LineOfServiceInput.Name), "A line of service with this name already exists.");
        }
        return Result<LineOfService>.Ok(line);
    }

    public async Task<Result<LineOfService>> UpdateAsync(int id, LineOfServiceInput input, CancellationToken ct)
    {
        var line = await db.LinesOfService.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (line is null)
            return Result<LineOfService>.NotFound();
        if (!access.CanManageReferenceData)
            return Result<LineOfService>.Forbidden();
        if (await ValidateAsync(input, id, ct) is { } errors)
            return Result<LineOfService>.Invalid(errors);
        var units = await db.OperationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return await Edits.SaveAsync(db, line, input.Version ?? 0, input, LineOfServiceInput.From, input.ApplyTo, nameof(LineOfService), id, ct,
            (field, value) => field == nameof(LineOfServiceInput.OperationalUnitId) && value is int unitId
                ? units.GetValueOrDefault(unitId)
                : value is string s ? Validation.Clean(s) : value?.ToString());
    }

    public async Task<Result<LineOfService>> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var line = await db.LinesOfService.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (line is null)
            return Result<LineOfService>.NotFound();
        if (!access.CanManageReferenceData)
            return Result<LineOfService>.Forbidden();
        if (line.IsActive != active)
        {
            line.IsActive = active;
            await db.SaveChangesAsync(ct);
        }
        return Result<LineOfService>.Ok(line);
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(LineOfServiceInput input, int? id, CancellationToken ct)
    {
        var errors = Validation.Check(LineOfServiceInputValidator.Instance, input) ?? [];
        var name = input.Name.Trim().ToLower();
        if (name.Length > 0 && await db.LinesOfService.AnyAsync(l => l.Name.ToLower() == name && l.Id != id, ct))
            errors[nameof(LineOfServiceInput.Name)] = ["A line of service with this name already exists."];
        if (input.OperationalUnitId is { } unitId && !await db.OperationalUnits.AnyAsync(u => u.Id == unitId, ct))
            errors[nameof(LineOfServiceInput.OperationalUnitId)] = ["Choose an operational unit from the list."];
        return errors.Count == 0 ? null : errors;
    }
}
