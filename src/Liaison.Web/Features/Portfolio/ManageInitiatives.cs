using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

internal sealed class InitiativeInput : IVersionedInput
{
    [Display(Name = "Initiative name")]
    public string Name { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Initiative description")]
    public string? Description { get; set; }

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Relationship manager")]
    public int? RelationshipManagerPersonId { get; set; }

    [Display(Name = "Project manager / owner")]
    public int? OwnerPersonId { get; set; }

    [Display(Name = "Health")]
    public InitiativeHealth Health { get; set; } = InitiativeHealth.OnTrack;

    [Display(Name = "Phase")]
    public InitiativePhase Phase { get; set; } = InitiativePhase.Initiating;

    [Display(Name = "Start date")]
    public DateOnly? StartOn { get; set; }

    [Display(Name = "Target date")]
    public DateOnly? TargetOn { get; set; }

    public int? Version { get; set; }

    public static InitiativeInput From(Initiative i) => new()
    {
        Name = i.Name,
        Description = i.Description,
        AgencyId = i.AgencyId,
        RelationshipManagerPersonId = i.RelationshipManagerPersonId,
        OwnerPersonId = i.OwnerPersonId,
        Health = i.Health,
        Phase = i.Phase,
        StartOn = i.StartOn,
        TargetOn = i.TargetOn,
        Version = i.Version,
    };

    public void ApplyTo(Initiative i)
    {
        i.Name = Name.Trim();
        i.Description = Validation.Clean(Description);
        i.AgencyId = AgencyId ?? 0;
        i.RelationshipManagerPersonId = RelationshipManagerPersonId;
        i.OwnerPersonId = OwnerPersonId;
        i.Health = Health;
        i.Phase = Phase;
        i.StartOn = StartOn;
        i.TargetOn = TargetOn;
    }
}

internal sealed class InitiativeInputValidator : AbstractValidator<InitiativeInput>
{
    public static readonly InitiativeInputValidator Instance = new();

    public InitiativeInputValidator()
    {
        RuleFor(i => i.Name).NotEmpty().WithMessage("Give the initiative a name.").MaximumLength(200);
        RuleFor(i => i.Description).MaximumLength(4000);
        RuleFor(i => i.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(i => i.Health).IsInEnum();
        RuleFor(i => i.Phase).IsInEnum();
        RuleFor(i => i.TargetOn).GreaterThanOrEqualTo(i => i.StartOn).When(i => i.StartOn is not null && i.TargetOn is not null)
            .WithMessage("The target date cannot be before the start date.");
    }
}

/// <summary>A status update: the form's four status fields as of a date.</summary>
internal sealed class StatusUpdateInput
{
    [Display(Name = "As of")]
    public DateOnly? AsOf { get; set; }

    [Display(Name = "Health")]
    public InitiativeHealth? Health { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Current status overview")]
    public string? StatusOverview { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Accomplishments of the last 30 days")]
    public string? Accomplishments { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Plans for the next 30 days")]
    public string? Plans { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Current risks / issues")]
    public string? Risks { get; set; }

    /// <summary>For a correction: what was wrong.</summary>
    [DataType(DataType.MultilineText)]
    [Display(Name = "What was wrong")]
    public string? Reason { get; set; }
}

internal static class StatusUpdates
{
    /// <summary>The history entry an input records, by the current user, now.</summary>
    public static InitiativeUpdate ToUpdate(this StatusUpdateInput input, int initiativeId, DateOnly asOf, InitiativeHealth health, string? reason,
        CurrentUser author, TimeProvider clock) => new()
        {
            InitiativeId = initiativeId,
            AsOf = asOf,
            Health = health,
            StatusOverview = Validation.Clean(input.StatusOverview),
            Accomplishments = Validation.Clean(input.Accomplishments),
            Plans = Validation.Clean(input.Plans),
            Risks = Validation.Clean(input.Risks),
            Reason = reason,
            AuthorUserId = author.Id,
            AuthorName = author.DisplayName,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
}

internal sealed class StatusUpdateInputValidator : AbstractValidator<StatusUpdateInput>
{
    public static readonly StatusUpdateInputValidator Instance = new();

    public StatusUpdateInputValidator()
    {
        RuleFor(u => u.StatusOverview).NotEmpty().WithMessage("Say where the initiative stands.").MaximumLength(4000);
        RuleFor(u => u.Accomplishments).MaximumLength(4000);
        RuleFor(u => u.Plans).MaximumLength(4000);
        RuleFor(u => u.Risks).MaximumLength(4000);
        RuleFor(u => u.Reason).MaximumLength(1000);
        RuleFor(u => u.Health).IsInEnum();
    }
}

internal sealed class HandOffInput
{
    [Display(Name = "PMO project manager")]
    public int? ToPersonId { get; set; }

    [Display(Name = "Handed over on")]
    public DateOnly? On { get; set; }

    [Display(Name = "Make them the project manager / owner")]
    public bool MakeOwner { get; set; } = true;
}

internal sealed record InitiativeListQuery(
    string? Search = null,
    int? AgencyId = null,
    int? OwnerPersonId = null,
    int? ManagerPersonId = null,
    InitiativeHealth? Health = null,
    InitiativePhase? Phase = null,
    string? State = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record InitiativeRow(int Id, string Name, int AgencyId, string AgencyName, string? ManagerName, string? OwnerName, InitiativeHealth Health,
    InitiativePhase Phase, DateOnly? TargetOn, DateOnly? LatestUpdateOn, int MissingCount, bool IsOpen, ManagedBy ManagedBy);

/// <summary>The portfolio form's line in full, in the form's order: what the form view prints and the export writes.</summary>
internal sealed record InitiativeFormRow(int Id, string Name, string? Description, string AgencyName, string? ManagerName, string? OwnerName,
    string? StatusOverview, string? Accomplishments, string? Plans, string? Risks, DateOnly? LatestUpdateOn, InitiativeHealth Health, InitiativePhase Phase,
    DateOnly? StartOn, DateOnly? TargetOn, ManagedBy ManagedBy, DateOnly? HandedToPmoOn, string? HandedToPmoName, bool IsOpen, int MissingCount);

/// <summary>What an agency user may see of an initiative: name, description, health, phase, dates, project manager, status overview.</summary>
internal sealed record SharedInitiative(int Id, string Name, string? Description, InitiativeHealth Health, InitiativePhase Phase, DateOnly? StartOn,
    DateOnly? TargetOn, string? ProjectManager, string? StatusOverview, DateOnly? LatestUpdateOn)
{
    /// <summary>The shared view of an initiative loaded with its owner.</summary>
    public static SharedInitiative From(Initiative i) => new(i.Id, i.Name, i.Description, i.Health, i.Phase, i.StartOn, i.TargetOn, i.Owner?.FullName,
        i.StatusOverview, i.LatestUpdateOn);
}

/// <summary>The portfolio: initiatives, their status updates (append-only, corrected by new entries), the PMO hand-off, lists and exports.</summary>
internal sealed class ManageInitiatives(LiaisonDbContext db, AccessRule access, InitiativePolicy policy, PortfolioRules rules, ListCounts counts,
    DerivedCache cache, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<Initiative>> Sorts = new Dictionary<string, SortOrder<Initiative>>
    {
        ["name"] = SortOrder<Initiative>.By(i => i.Name),
        ["agency"] = SortOrder<Initiative>.By(i => i.Agency!.Name).ThenBy(i => i.Name),
        ["owner"] = SortOrder<Initiative>.By(i => i.Owner!.LastName).ThenBy(i => i.Name),
        ["health"] = SortOrder<Initiative>.By(i => i.Health).ThenBy(i => i.Name),
        ["phase"] = SortOrder<Initiative>.By(i => i.Phase).ThenBy(i => i.Name),
        ["updated"] = SortOrder<Initiative>.By(i => i.LatestUpdateOn).ThenBy(i => i.Name),
        ["target"] = SortOrder<Initiative>.By(i => i.TargetOn).ThenBy(i => i.Name),
        // The stale list's own order, longest without an update first (never updated before all): one index range.
        ["stalest"] = SortOrder<Initiative>.By(i => i.OpenUpdatedOn),
    };

    public bool IsInternalUser => policy.IsProviderUser;

    public Task<PagedResult<InitiativeRow>> ListAsync(InitiativeListQuery query, CancellationToken ct) =>
        Rows(Filtered(query)).ToPageAsync(query, ct, counts);

    public IQueryable<Initiative> Filtered(InitiativeListQuery query)
    {
        var items = db.Initiatives.AsNoTracking();
        items = (query.State ?? "open").ToLowerInvariant() switch
        {
            "stale" => items.Where(rules.IsStaleInQuery()),
            "incomplete" => items.Where(i => i.IsOpen && i.MissingCount > 0),
            "closed" => items.Where(i => !i.IsOpen),
            "all" => items,
            _ => items.Where(i => i.IsOpen),
        };
        if (query.AgencyId is { } agencyId)
            items = items.Where(i => i.AgencyId == agencyId);
        if (query.OwnerPersonId is { } ownerId)
            items = items.Where(i => i.OwnerPersonId == ownerId);
        if (query.ManagerPersonId is { } managerId)
            items = items.Where(i => i.RelationshipManagerPersonId == managerId);
        if (query.Health is { } health)
            items = items.Where(i => i.Health == health);
        if (query.Phase is { } phase)
            items = items.Where(i => i.Phase == phase);
        if (Paging.SearchPattern(query.Search) is { } term)
            items = items.Where(i => i.SearchText.Contains(term));
        var stale = string.Equals(query.State, "stale", StringComparison.OrdinalIgnoreCase);
        return items.Sorted(query, Sorts, stale ? "stalest" : "name", i => i.Id);
    }

    public static IQueryable<InitiativeRow> Rows(IQueryable<Initiative> items) => items.Select(i => new InitiativeRow(i.Id, i.Name, i.AgencyId, i.Agency!.Name,
        i.RelationshipManager!.FirstName + " " + i.RelationshipManager.LastName, i.Owner!.FirstName + " " + i.Owner.LastName, i.Health, i.Phase, i.TargetOn,
        i.LatestUpdateOn, i.MissingCount, i.IsOpen, i.ManagedBy));

    public static IQueryable<InitiativeFormRow> FormRows(IQueryable<Initiative> items) => items.Select(i => new InitiativeFormRow(i.Id, i.Name, i.Description,
        i.Agency!.Name, i.RelationshipManager!.FirstName + " " + i.RelationshipManager.LastName, i.Owner!.FirstName + " " + i.Owner.LastName,
        i.StatusOverview, i.Accomplishments, i.Plans, i.Risks, i.LatestUpdateOn, i.Health, i.Phase, i.StartOn, i.TargetOn, i.ManagedBy, i.HandedToPmoOn,
        i.HandedToPmo!.FirstName + " " + i.HandedToPmo.LastName, i.IsOpen, i.MissingCount));

    /// <summary>The form view: every initiative of the filter (no paging, it is for printing), agency by agency.</summary>
    public async Task<Result<IReadOnlyList<InitiativeFormRow>>> FormAsync(InitiativeListQuery query, CancellationToken ct)
    {
        if (!IsInternalUser)
            return Result<IReadOnlyList<InitiativeFormRow>>.Forbidden();
        var rows = await FormRows(Filtered(query with { Sort = "agency", Desc = false })).ToListAsync(ct);
        return Result<IReadOnlyList<InitiativeFormRow>>.Ok(rows);
    }

    /// <summary>The portfolio form's columns, in its order. The import reads the same headers, so an export can be edited and sent back.</summary>
    public static IReadOnlyList<ExportColumn<InitiativeFormRow>> FormColumns(PortfolioRules rules) =>
    [
        new("Id", r => r.Id),
        new("Initiative name", r => r.Name),
        new("Initiative description", r => r.Description),
        new("Agency", r => r.AgencyName),
        new("Relationship manager", r => r.ManagerName),
        new("Project manager / owner", r => r.OwnerName),
        new("Current status overview", r => r.StatusOverview),
        new("Accomplishments of last 30 days", r => r.Accomplishments),
        new("Plans for next 30 days", r => r.Plans),
        new("Current risks / issues", r => r.Risks),
        new("Latest update date", r => r.LatestUpdateOn),
        new("Health", r => InitiativeLabels.Health(r.Health)),
        new("Phase", r => r.Phase.ToString()),
        new("Start date", r => r.StartOn),
        new("Target date", r => r.TargetOn),
        new("Managed by", r => InitiativeLabels.ManagedBy(r.ManagedBy)),
        new("Handed to PMO on", r => r.HandedToPmoOn),
        new("Stale", r => rules.IsStale(r.IsOpen, r.LatestUpdateOn)),
        new("Missing fields", r => r.MissingCount),
    ];

    public async Task<Result<ExportFile>> ExportAsync(InitiativeListQuery query, ExportFormat format, CancellationToken ct)
    {
        var rows = await FormAsync(query, ct);
        if (!rows.IsOk)
            return Result<ExportFile>.Forbidden();
        return Result<ExportFile>.Ok(TableExport.ToFile(rows.Value!, FormColumns(rules), format, "portfolio", clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>An agency's initiatives as the agency may see them (open first, then by name); kept until the next save.</summary>
    public async Task<IReadOnlyList<SharedInitiative>> SharedForAgencyAsync(int agencyId, CancellationToken ct)
    {
        // EF lifts IgnoreQueryFilters (below) from the whole query, the initiatives' own filter included: so the
        // access rule is asked here, not left to the caller.
        if (access.User.IsAgencyUser && access.User.AgencyId != agencyId)
            return [];
        return await cache.GetAsync($"agency-initiatives:{agencyId}", async () => (IReadOnlyList<SharedInitiative>)await db.Initiatives.AsNoTracking()
            .Where(i => i.AgencyId == agencyId)
            // The project manager is staff, whom the access rule hides from agency users; their name is part of what is shared.
            .LeftJoin(db.People.IgnoreQueryFilters(), i => i.OwnerPersonId, p => (int?)p.Id, (i, p) => new { i, Owner = p == null ? null : p.FirstName + " " + p.LastName })
            .OrderByDescending(r => r.i.IsOpen).ThenBy(r => r.i.Name).Take(50)
            .Select(r => new SharedInitiative(r.i.Id, r.i.Name, r.i.Description, r.i.Health, r.i.Phase, r.i.StartOn, r.i.TargetOn, r.Owner, r.i.StatusOverview, r.i.LatestUpdateOn))
            .ToListAsync(ct));
    }

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
