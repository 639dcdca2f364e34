using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.People;

/// <summary>Adds, edits, deactivates and reactivates people in the directory.</summary>
internal sealed class SavePerson(LiaisonDbContext db, AccessRule access)
{
    public async Task<Result<Person>> CreateAsync(PersonInput input, CancellationToken ct)
    {
        if (!access.CanCreatePeople)
            return Result<Person>.Forbidden();
        if (await ValidateAsync(input, null, ct) is { } errors)
            return Result<Person>.Invalid(errors);

        var person = new Person();
        input.ApplyTo(person);
        if (!await access.CanEditPersonAsync(person, ct))
            return Result<Person>.Forbidden();
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return Result<Person>.Ok(person);
    }

    public async Task<Result<Person>> UpdateAsync(int id, PersonInput input, CancellationToken ct)
    {
        var person = await access.FindAsync(db.People, id, ct);
        if (person is null)
            return Result<Person>.NotFound();
        if (!await access.CanEditPersonAsync(person, ct))
            return Result<Person>.Forbidden();
        if (await ValidateAsync(input, id, ct) is { } errors)
            return Result<Person>.Invalid(errors);

        // Moving someone must be allowed at both ends: the agency they leave and the one they join.
        var moved = new Person();
        input.ApplyTo(moved);
        if (!await access.CanEditPersonAsync(moved, ct))
            return Result<Person>.Forbidden();

        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var units = await db.OperationalUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return await Edits.SaveAsync(db, person, input.Version ?? 0, input, PersonInput.From, input.ApplyTo, nameof(Person), id, ct,
            (field, value) => (field, value) switch
            {
                (nameof(PersonInput.AgencyId), int agencyId) => agencies.GetValueOrDefault(agencyId),
                (nameof(PersonInput.OperationalUnitId), int unitId) => units.GetValueOrDefault(unitId),
                (nameof(PersonInput.Kind), PersonKind kind) => PersonKinds.Label(kind),
                (_, string s) => Validation.Clean(s),
                _ => value?.ToString(),
            });
    }

    public async Task<Result<Person>> SetActiveAsync(int id, bool active, CancellationToken ct)
    {
        var person = await access.FindAsync(db.People, id, ct);
        if (person is null)
            return Result<Person>.NotFound();
        if (!await access.CanEditPersonAsync(person, ct))
            return Result<Person>.Forbidden();
        if (person.IsActive != active)
        {
            person.IsActive = active;
            await db.SaveChangesAsync(ct);
        }
        return Result<Person>.Ok(person);
    }

    internal async Task<Dictionary<string, string[]>?> ValidateAsync(PersonInput input, int? id, CancellationToken ct)
    {
        var errors = Validation.Check(PersonInputValidator.Instance, input) ?? [];
        if (input.Kind == PersonKind.AgencyContact && input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            errors[nameof(PersonInput.AgencyId)] = ["Choose an agency from the list."];
        if (input.Kind == PersonKind.ProviderStaff && input.OperationalUnitId is { } unitId && !await db.OperationalUnits.AnyAsync(u => u.Id == unitId, ct))
            errors[nameof(PersonInput.OperationalUnitId)] = ["Choose an operational unit from the list."];
        if (Validation.Clean(input.Email)?.ToLowerInvariant() is { } email && !errors.ContainsKey(nameof(PersonInput.Email))
            && await db.People.IgnoreQueryFilters().AnyAsync(p => p.Email == email && p.Id != id, ct))
            errors[nameof(PersonInput.Email)] = ["Someone in the directory already has this email address."];
        return errors.Count == 0 ? null : errors;
    }
}

internal static class PersonKinds
{
    public static string Label(PersonKind kind) => kind == PersonKind.AgencyContact ? "Agency contact" : "Provider staff";

    public static bool TryParse(string? text, out PersonKind kind)
    {
        var normalized = new string((text ?? "").Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        (var ok, kind) = normalized switch
        {
            "agencycontact" or "agency" or "contact" or "customer" => (true, PersonKind.AgencyContact),
            "providerstaff" or "staff" or "provider" or "employee" => (true, PersonKind.ProviderStaff),
            _ => (false, PersonKind.AgencyContact),
        };
        return ok;
    }
}
