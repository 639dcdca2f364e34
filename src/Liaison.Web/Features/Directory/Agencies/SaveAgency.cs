using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.Agencies;

/// <summary>Creates, edits, deactivates and reactivates agencies.</summary>
internal sealed class SaveAgency(LiaisonDbContext db, AccessRule access)
{
    public async Task<Result<Agency>> CreateAsync(AgencyInput input, CancellationToken ct)
    {
        if (!access.CanManageReferenceData)
            return Result<Agency>.Forbidden();
        if (await ValidateAsync(input, null, ct) is { } errors)
            return Result<Agency>.Invalid(errors);

        var agency = new Agency();
        input.ApplyTo(agency);
        db.Agencies.Add(agency);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (Edits.IsUniqueViolation(ex))
        {
            return Result<Agency>.Invalid(nameof(AgencyInput.Name), "An agency with this name already exists.");
        }
        return Result<Agency>.Ok(agency);
    }

    public async Task<Result<Agency>> UpdateAsync(int id, AgencyInput input, CancellationToken ct)
    {
        var agency = await access.FindAsync(db.Agencies.Include(a => a.LinesOfService), id, ct);
        if (agency is null)
            return Result<Agency>.NotFound();
        if (!await access.CanEditAgencyRecordsAsync(agency.Id, ct))
            return Result<Agency>.Forbidden();
        if (await ValidateAsync(input, id, ct) is { } errors)
            return Result<Agency>.Invalid(errors);

        var lineNames = await db.LinesOfService.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        return await Edits.SaveAsync(db, agency, input.Version ?? 0, input, AgencyInput.From, input.ApplyTo, nameof(Agency), id, ct,
            (field, value) => field == nameof(AgencyInput.LineOfServiceIds) && value is IEnumerable<int> ids
                ? string.Join(", ", ids.Select(i => lineNames.GetValueOrDefault(i, $"#{i}")).Order())
                : value is string s ? Validation.Clean(s) : value?.ToString());
    }

    public async Task<Result<Agency>> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var agency = await access.FindAsync(db.Agencies, id, ct);
        if (agency is null)
            return Result<Agency>.NotFound();
        if (!access.CanManageReferenceData)
            return Result<Agency>.Forbidden();
        if (agency.IsActive != active)
        {
            agency.IsActive = active;
            await db.SaveChangesAsync(ct);
        }
        return Result<Agency>.Ok(agency);
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(AgencyInput input, int? id, CancellationToken ct)
    {
        var errors = Validation.Check(AgencyInputValidator.Instance, input) ?? [];
        var name = input.Name.Trim().ToLower();
        if (name.Length > 0 && await db.Agencies.IgnoreQueryFilters().AnyAsync(a => a.Name.ToLower() == name && a.Id != id, ct))
            errors[nameof(AgencyInput.Name)] = ["An agency with this name already exists."];
        var lineIds = input.LineOfServiceIds.Distinct().ToList();
        if (lineIds.Count > 0 && !errors.ContainsKey(nameof(AgencyInput.LineOfServiceIds)) && await db.LinesOfService.CountAsync(l => lineIds.Contains(l.Id), ct) != lineIds.Count)
            errors[nameof(AgencyInput.LineOfServiceIds)] = ["Choose lines of service from the catalogue."];
        return errors.Count == 0 ? null : errors;
    }
}
