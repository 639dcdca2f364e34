using FluentValidation;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

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

/// <summary>The portfolio's lists: the filtered and sorted list, the form view for printing, its export, and an agency's shared view.</summary>
internal sealed class ListInitiatives(LiaisonDbContext db, AccessRule access, InitiativePolicy policy, PortfolioRules rules, ListCounts counts,
    DerivedCache cache, TimeProvider clock)
{
    public bool IsInternalUser => policy.IsProviderUser;

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
        if (!access.CanSeeProviderRecords && access.User.AgencyId != agencyId)
            return [];
        return await cache.GetAsync($"agency-initiatives:{agencyId}", async () => (IReadOnlyList<SharedInitiative>)await db.Initiatives.AsNoTracking()
            .Where(i => i.AgencyId == agencyId)
            // The project manager is staff, whom the access rule hides from agency users; their name is part of what is shared.
            .LeftJoin(db.People.IgnoreQueryFilters(), i => i.OwnerPersonId, p => (int?)p.Id, (i, p) => new { i, Owner = p == null ? null : p.FirstName + " " + p.LastName })
            .OrderByDescending(r => r.i.IsOpen).ThenBy(r => r.i.Name).Take(50)
            .Select(r => new SharedInitiative(r.i.Id, r.i.Name, r.i.Description, r.i.Health, r.i.Phase, r.i.StartOn, r.i.TargetOn, r.Owner, r.i.StatusOverview, r.i.LatestUpdateOn))
            .ToListAsync(ct));
    }
}
