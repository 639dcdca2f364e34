using FluentValidation;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

/// <summary>
/// An initiative's record: reading one and its history, adding and editing it, appending status updates (append-only,
/// corrected by new entries) and handing it to the PMO. Lists, the form view and exports are <see cref="ListInitiatives"/>.
/// </summary>
internal sealed class ManageInitiatives(LiaisonDbContext db, AccessRule access, InitiativePolicy policy, PortfolioRules rules, TimeProvider clock)
{
    public bool IsInternalUser => policy.IsProviderUser;

    public async Task<Result<Initiative>> GetAsync(int id, CancellationToken ct)
    {
        var initiative = await access.FindAsync(db.Initiatives.AsNoTracking().Include(i => i.Agency).Include(i => i.RelationshipManager)
            .Include(i => i.Owner).Include(i => i.HandedToPmo), id, ct);
        if (initiative is null)
            return Result<Initiative>.NotFound();
        // The project manager is staff, whom the access rule hides from agency users; their name is part of what is shared.
        if (initiative.Owner is null && initiative.OwnerPersonId is { } ownerId)
            initiative.Owner = await db.People.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Id == ownerId, ct);
        return Result<Initiative>.Ok(initiative);
    }

    /// <summary>The history, newest first. Internal to the provider.</summary>
    public async Task<Result<IReadOnlyList<InitiativeUpdate>>> HistoryAsync(int id, CancellationToken ct)
    {
        if (!IsInternalUser)
            return Result<IReadOnlyList<InitiativeUpdate>>.Forbidden();
        if (await access.FindAsync(db.Initiatives.AsNoTracking(), id, ct) is null)
            return Result<IReadOnlyList<InitiativeUpdate>>.NotFound();
        var updates = await db.InitiativeUpdates.AsNoTracking().Where(u => u.InitiativeId == id)
            .OrderByDescending(u => u.AsOf).ThenByDescending(u => u.Id).ToListAsync(ct);
        return Result<IReadOnlyList<InitiativeUpdate>>.Ok(updates);
    }

    /// <summary>Administrators, the agency's relationship managers, and the initiative's own manager, owner or PMO lead (see <see cref="InitiativePolicy"/>).</summary>
    public Task<bool> CanEditAsync(Initiative initiative, CancellationToken ct) => policy.MayEditAsync(InitiativeHolders.Of(initiative), ct);

    public async Task<Result<Initiative>> CreateAsync(InitiativeInput input, CancellationToken ct)
    {
        if (!IsInternalUser)
            return Result<Initiative>.Forbidden();
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Initiative>.Invalid(errors);
        if (await policy.RefusalAsync(null, input.AgencyId!.Value, input.OwnerPersonId, ct) is not null)
            return Result<Initiative>.Forbidden();
        input.RelationshipManagerPersonId ??= await db.PrimaryPersonAsync(input.AgencyId!.Value, ct);
        var initiative = new Initiative();
        input.ApplyTo(initiative);
        db.Initiatives.Add(initiative);
        await db.SaveChangesAsync(ct);
        return Result<Initiative>.Ok(initiative);
    }

    public async Task<Result<Initiative>> UpdateAsync(int id, InitiativeInput input, CancellationToken ct)
    {
        var initiative = await access.FindAsync(db.Initiatives, id, ct);
        if (initiative is null)
            return Result<Initiative>.NotFound();
        if (!await CanEditAsync(initiative, ct))
            return Result<Initiative>.Forbidden();
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Initiative>.Invalid(errors);
        if (await policy.RefusalAsync(InitiativeHolders.Of(initiative), input.AgencyId!.Value, input.OwnerPersonId, ct) is not null)
            return Result<Initiative>.Forbidden();
        var names = await db.People.AsNoTracking()
            .Where(p => p.Id == initiative.OwnerPersonId || p.Id == input.OwnerPersonId || p.Id == initiative.RelationshipManagerPersonId || p.Id == input.RelationshipManagerPersonId)
            .ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);
        return await Edits.SaveAsync(db, initiative, input.Version ?? 0, input, InitiativeInput.From, input.ApplyTo, nameof(Initiative), id, ct,
            (field, value) => field is nameof(InitiativeInput.OwnerPersonId) or nameof(InitiativeInput.RelationshipManagerPersonId) && value is int personId
                ? names.GetValueOrDefault(personId) : value is string s ? Validation.Clean(s) : value?.ToString());
    }

    /// <summary>Appends a status update; if it is the newest, the form shows it from now on.</summary>
    public Task<Result<InitiativeUpdate>> AddUpdateAsync(int id, StatusUpdateInput input, CancellationToken ct) => AppendAsync(id, null, input, ct);

    /// <summary>Appends a correction of an earlier update: the earlier one stays in the history, marked as corrected.</summary>
    public Task<Result<InitiativeUpdate>> CorrectAsync(int id, int updateId, StatusUpdateInput input, CancellationToken ct) => AppendAsync(id, updateId, input, ct);

    private async Task<Result<InitiativeUpdate>> AppendAsync(int id, int? corrects, StatusUpdateInput input, CancellationToken ct)
    {
        var initiative = await access.FindAsync(db.Initiatives, id, ct);
        if (initiative is null)
            return Result<InitiativeUpdate>.NotFound();
        if (!await CanEditAsync(initiative, ct))
            return Result<InitiativeUpdate>.Forbidden();
        var errors = Validation.Check(StatusUpdateInputValidator.Instance, input) ?? [];
        InitiativeUpdate? original = null;
        if (corrects is { } correctedId)
        {
            original = await db.InitiativeUpdates.AsNoTracking().FirstOrDefaultAsync(u => u.Id == correctedId && u.InitiativeId == id, ct);
            if (original is null)
                return Result<InitiativeUpdate>.NotFound();
            if (await db.InitiativeUpdates.AnyAsync(u => u.CorrectsId == correctedId, ct))
                errors[nameof(StatusUpdateInput.Reason)] = ["That update has already been corrected; correct the correction instead."];
            if (string.IsNullOrWhiteSpace(input.Reason))
                errors[nameof(StatusUpdateInput.Reason)] = ["Say what was wrong, so readers of the history know why it changed."];
        }
        var asOf = input.AsOf ?? original?.AsOf ?? rules.Today;
        if (asOf > rules.Today)
            errors[nameof(StatusUpdateInput.AsOf)] = ["An update is as of today or an earlier day."];
        if (errors.Count > 0)
            return Result<InitiativeUpdate>.Invalid(errors);

        var update = input.ToUpdate(id, asOf, input.Health ?? original?.Health ?? initiative.Health, Validation.Clean(input.Reason), access.User, clock);
        update.CorrectsId = corrects;
        await using var write = await db.BeginWriteAsync(ct);
        db.InitiativeUpdates.Add(update);
        await db.SaveChangesAsync(ct);
        await ShowLatestAsync(initiative, update.Id, ct);
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return Result<InitiativeUpdate>.Ok(update);
    }

    /// <summary>
    /// Copies the latest update that stands (not corrected by another) into the initiative's form fields; its health too
    /// when that latest is the update just appended (a back-dated one does not undo a later change of health).
    /// </summary>
    internal async Task ShowLatestAsync(Initiative initiative, int appendedId, CancellationToken ct)
    {
        var corrected = db.InitiativeUpdates.Where(c => c.InitiativeId == initiative.Id && c.CorrectsId != null).Select(c => c.CorrectsId!.Value);
        var latest = await db.InitiativeUpdates.AsNoTracking().Where(u => u.InitiativeId == initiative.Id && !corrected.Contains(u.Id))
            .OrderByDescending(u => u.AsOf).ThenByDescending(u => u.Id).FirstOrDefaultAsync(ct);
        if (latest is null)
            return;
        initiative.Show(latest);
        if (latest.Id == appendedId)
            initiative.Health = latest.Health;
    }

    /// <summary>Hands the initiative to the PMO: records when and to whom (and, by default, makes them its project manager).</summary>
    public async Task<Result<Initiative>> HandOffAsync(int id, HandOffInput input, CancellationToken ct)
    {
        var initiative = await access.FindAsync(db.Initiatives, id, ct);
        if (initiative is null)
            return Result<Initiative>.NotFound();
        if (!await CanEditAsync(initiative, ct))
            return Result<Initiative>.Forbidden();
        var errors = Validation.Check(input) ?? [];
        if (initiative.ManagedBy == ManagedBy.Pmo)
            errors[nameof(HandOffInput.ToPersonId)] = [$"It was handed to the PMO on {initiative.HandedToPmoOn:yyyy-MM-dd}."];
        else if (input.ToPersonId is not { } to)
            errors[nameof(HandOffInput.ToPersonId)] = ["Choose who in the PMO takes it over."];
        else if (!await db.People.AnyAsync(p => p.Id == to && p.IsActive && p.Kind == PersonKind.ProviderStaff, ct))
            errors[nameof(HandOffInput.ToPersonId)] = ["Choose an active member of staff."];
        var on = input.On ?? rules.Today;
        if (on > rules.Today)
            errors[nameof(HandOffInput.On)] = ["Record a hand-off once it has happened."];
        if (errors.Count > 0)
            return Result<Initiative>.Invalid(errors);
        initiative.ManagedBy = ManagedBy.Pmo;
        initiative.HandedToPmoOn = on;
        initiative.HandedToPmoPersonId = input.ToPersonId;
        if (input.MakeOwner)
            initiative.OwnerPersonId = input.ToPersonId;
        await db.SaveChangesAsync(ct);
        return Result<Initiative>.Ok(initiative);
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(InitiativeInput input, CancellationToken ct)
    {
        var errors = Validation.Check(InitiativeInputValidator.Instance, input) ?? [];
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            errors[nameof(InitiativeInput.AgencyId)] = ["Choose an agency from the list."];
        foreach (var (field, personId) in new[] { (nameof(InitiativeInput.RelationshipManagerPersonId), input.RelationshipManagerPersonId), (nameof(InitiativeInput.OwnerPersonId), input.OwnerPersonId) })
        {
            if (personId is { } pid && !await db.People.AnyAsync(p => p.Id == pid && p.Kind == PersonKind.ProviderStaff, ct))
                errors[field] = ["Choose a member of the provider's staff."];
        }
        return errors.Count == 0 ? null : errors;
    }
}
