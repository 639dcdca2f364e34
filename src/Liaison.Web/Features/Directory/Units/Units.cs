using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.Units;

internal sealed class UnitInput : IVersionedInput
{
    [Display(Name = "Name")]
    public string Name { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Description")]
    public string? Description { get; set; }

    public int? Version { get; set; }

    public static UnitInput From(OperationalUnit u) => new() { Name = u.Name, Description = u.Description, Version = u.Version };

    public void ApplyTo(OperationalUnit u)
    {
        u.Name = Name.Trim();
        u.Description = Validation.Clean(Description);
    }
}

internal sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public static readonly UnitInputValidator Instance = new();

    public UnitInputValidator()
    {
        RuleFor(u => u.Name).NotEmpty().WithMessage("Enter the unit's name.").MaximumLength(200);
        RuleFor(u => u.Description).MaximumLength(4000);
    }
}

internal sealed record UnitListQuery(
    string? Search = null,
    string? Status = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record UnitRow(int Id, string Name, string? Description, bool IsActive, int LineOfServiceCount, int StaffCount);

/// <summary>The provider's operational units: list, read, create, edit, deactivate.</summary>
internal sealed class ManageUnits(LiaisonDbContext db, AccessRule access)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<OperationalUnit>> Sorts = new Dictionary<string, SortOrder<OperationalUnit>>
    {
        ["name"] = SortOrder<OperationalUnit>.By(u => u.Name),
        ["status"] = SortOrder<OperationalUnit>.By(u => u.IsActive).ThenBy(u => u.Name),
    };

    public Task<PagedResult<UnitRow>> ListAsync(UnitListQuery query, CancellationToken ct) => Rows(query).ToPageAsync(query, ct);

    private IQueryable<UnitRow> Rows(UnitListQuery query)
    {
        var units = db.OperationalUnits.AsNoTracking();
        units = (query.Status ?? "active").ToLowerInvariant() switch
        {
            "inactive" => units.Where(u => !u.IsActive),
            "all" => units,
            _ => units.Where(u => u.IsActive),
        };
        if (Paging.SearchPattern(query.Search) is { } term)
            units = units.Where(u => u.Name.ToLower().Contains(term) || (u.Description != null && u.Description.ToLower().Contains(term)));
        return units.Sorted(query, Sorts, "name", u => u.Id)
            .Select(u => new UnitRow(u.Id, u.Name, u.Description, u.IsActive, u.LinesOfService.Count(l => l.IsActive),
                db.People.IgnoreQueryFilters().Count(p => p.OperationalUnitId == u.Id && p.IsActive)));
    }

    public async Task<ExportFile> ExportAsync(UnitListQuery query, ExportFormat format, DateTime now, CancellationToken ct)
    {
        var rows = await Rows(query).ToListAsync(ct);
        return TableExport.ToFile(rows,
        [
            new ExportColumn<UnitRow>("Id", r => r.Id),
            new("Name", r => r.Name),
            new("Description", r => r.Description),
            new("Lines of service", r => r.LineOfServiceCount),
            new("Staff", r => r.StaffCount),
            new("Status", r => r.IsActive ? "Active" : "Inactive"),
        ], format, "operational-units", now);
    }

    public async Task<Result<OperationalUnit>> GetAsync(int id, CancellationToken ct)
    {
        var unit = await db.OperationalUnits.AsNoTracking().Include(u => u.LinesOfService.OrderBy(l => l.Name))
            .FirstOrDefaultAsync(u => u.Id == id, ct);
        return unit is null ? Result<OperationalUnit>.NotFound() : Result<OperationalUnit>.Ok(unit);
    }

    public async Task<Result<OperationalUnit>> CreateAsync(UnitInput input, CancellationToken ct)
    {
        if (!access.CanManageReferenceData)
            return Result<OperationalUnit>.Forbidden();
        if (await ValidateAsync(input, null, ct) is { } errors)
            return Result<OperationalUnit>.Invalid(errors);
        var unit = new OperationalUnit();
        input.ApplyTo(unit);
        db.OperationalUnits.Add(unit);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (Edits.IsUniqueViolation(ex))
        {
            return Result<OperationalUnit>.Invalid(nameof(UnitInput.Name), "A unit with this name already exists.");
        }
        return Result<OperationalUnit>.Ok(unit);
    }

    public async Task<Result<OperationalUnit>> UpdateAsync(int id, UnitInput input, CancellationToken ct)
    {
        var unit = await db.OperationalUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
            return Result<OperationalUnit>.NotFound();
        if (!access.CanManageReferenceData)
            return Result<OperationalUnit>.Forbidden();
        if (await ValidateAsync(input, id, ct) is { } errors)
            return Result<OperationalUnit>.Invalid(errors);
        return await Edits.SaveAsync(db, unit, input.Version ?? 0, input, UnitInput.From, input.ApplyTo, nameof(OperationalUnit), id, ct);
    }

    public async Task<Result<OperationalUnit>> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var unit = await db.OperationalUnits.FirstOrDefaultAsync(u => u.Id == id, ct);
        if (unit is null)
            return Result<OperationalUnit>.NotFound();
        if (!access.CanManageReferenceData)
            return Result<OperationalUnit>.Forbidden();
        if (unit.IsActive != active)
        {
            unit.IsActive = active;
            await db.SaveChangesAsync(ct);
        }
        return Result<OperationalUnit>.Ok(unit);
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(UnitInput input, int? id, CancellationToken ct)
    {
        var errors = Validation.Check(UnitInputValidator.Instance, input) ?? [];
        var name = input.Name.Trim().ToLower();
        if (name.Length > 0 && await db.OperationalUnits.AnyAsync(u => u.Name.ToLower() == name && u.Id != id, ct))
            errors[nameof(UnitInput.Name)] = ["A unit with this name already exists."];
        return errors.Count == 0 ? null : errors;
    }
}
