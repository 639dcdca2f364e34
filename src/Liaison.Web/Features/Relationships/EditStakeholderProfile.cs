using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>One contact's line of the stakeholder matrix: read it, or set its codes and role flags.</summary>
internal sealed class EditStakeholderProfile(LiaisonDbContext db, AccessRule access, ReadStakeholderMatrix matrix)
{
    public async Task<Result<StakeholderProfile>> GetAsync(int personId, CancellationToken ct)
    {
        var person = await access.FindAsync(db.People.AsNoTracking(), personId, ct);
        if (person is null)
            return Result<StakeholderProfile>.NotFound();
        var profile = await db.StakeholderProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, ct)
            ?? new StakeholderProfile { PersonId = personId };
        profile.Person = person;
        return Result<StakeholderProfile>.Ok(profile);
    }

    public async Task<Result<StakeholderProfile>> SaveAsync(int personId, StakeholderInput input, CancellationToken ct)
    {
        var person = await access.FindAsync(db.People.AsNoTracking(), personId, ct);
        if (person is null)
            return Result<StakeholderProfile>.NotFound();
        if (person.Kind != PersonKind.AgencyContact || person.AgencyId is null)
            return Result<StakeholderProfile>.Invalid("", "The stakeholder matrix lists agency contacts only.");
        if (!await access.CanEditAgencyRecordsAsync(person.AgencyId.Value, ct))
            return Result<StakeholderProfile>.Forbidden();
        matrix.Forget(person.AgencyId.Value);
        var profile = await db.StakeholderProfiles.FirstOrDefaultAsync(p => p.PersonId == personId, ct);
        if (profile is null)
        {
            profile = new StakeholderProfile { PersonId = personId };
            input.ApplyTo(profile);
            db.StakeholderProfiles.Add(profile);
            await db.SaveChangesAsync(ct);
            return Result<StakeholderProfile>.Ok(profile);
        }
        return await Edits.SaveAsync(db, profile, input.Version ?? 0, input, StakeholderInput.From, input.ApplyTo, nameof(StakeholderProfile), personId, ct);
    }
}
