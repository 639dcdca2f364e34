using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio.QuickWins;
/// <summary>
/// One quick win: reading, logging and editing it. The log is internal to the provider and written by the agency's
/// relationship managers and administrators. The list, its export and the summary are <see cref="ListQuickWins"/>.
/// </summary>
internal sealed class ManageQuickWins(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
{
    private DateOnly Today => clock.Today;

    public bool MaySee => access.CanSeeProviderRecords;

    public async Task<Result<QuickWin>> GetAsync(int id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<QuickWin>.NotFound();
        var item = await access.FindAsync(db.QuickWins.AsNoTracking().Include(q => q.Agency).Include(q => q.RelationshipManager)
            .Include(q => q.Contributors).ThenInclude(c => c.Person), id, ct);
        return item is null ? Result<QuickWin>.NotFound() : Result<QuickWin>.Ok(item);
    }

    public Task<bool> CanEditAsync(int agencyId, CancellationToken ct) => access.CanEditAgencyRecordsAsync(agencyId, ct);

    public async Task<Result<QuickWin>> CreateAsync(QuickWinInput input, CancellationToken ct)
    {
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<QuickWin>.Invalid(errors);
        if (!MaySee || !await access.CanWriteAgencyRecordAsync(null, input.AgencyId!.Value, ct))
            return Result<QuickWin>.Forbidden();
        input.RelationshipManagerPersonId ??= await db.PrimaryPersonAsync(input.AgencyId!.Value, ct);
        var item = new QuickWin();
        input.ApplyTo(item);
        db.QuickWins.Add(item);
        await db.SaveChangesAsync(ct);
        return Result<QuickWin>.Ok(item);
    }

    public async Task<Result<QuickWin>> UpdateAsync(int id, QuickWinInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<QuickWin>.NotFound();
        var item = await access.FindAsync(db.QuickWins.Include(q => q.Contributors), id, ct);
        if (item is null)
            return Result<QuickWin>.NotFound();
        if (!await access.CanEditAgencyRecordsAsync(item.AgencyId, ct))
            return Result<QuickWin>.Forbidden();
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<QuickWin>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(item.AgencyId, input.AgencyId!.Value, ct))
            return Result<QuickWin>.Forbidden();
        return await Edits.SaveAsync(db, item, input.Version ?? 0, input, QuickWinInput.From, input.ApplyTo, nameof(QuickWin), id, ct);
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(QuickWinInput input, CancellationToken ct)
    {
        var errors = Validation.Check(QuickWinInputValidator.Instance, input) ?? [];
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            errors[nameof(QuickWinInput.AgencyId)] = ["Choose an agency from the list."];
        if (input.CompletedOn > Today)
            errors[nameof(QuickWinInput.CompletedOn)] = ["A quick win is logged once it is done."];
        var ids = input.ContributorIds.Distinct().ToList();
        if (ids.Count > 0 && !errors.ContainsKey(nameof(QuickWinInput.ContributorIds)) && await db.People.CountAsync(p => ids.Contains(p.Id) && p.Kind == PersonKind.ProviderStaff, ct) != ids.Count)
            errors[nameof(QuickWinInput.ContributorIds)] = ["Contributors are members of the provider's staff."];
        if (input.RelationshipManagerPersonId is { } rm && !await db.People.AnyAsync(p => p.Id == rm && p.Kind == PersonKind.ProviderStaff, ct))
            errors[nameof(QuickWinInput.RelationshipManagerPersonId)] = ["Choose a member of the provider's staff."];
        return errors.Count == 0 ? null : errors;
    }
}
