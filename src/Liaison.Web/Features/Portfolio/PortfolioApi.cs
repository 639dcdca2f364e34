using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Portfolio;

internal sealed record InitiativeDto(int Id, string Name, string? Description, int AgencyId, string? AgencyName, int? RelationshipManagerPersonId,
    string? RelationshipManagerName, int? OwnerPersonId, string? OwnerName, string? StatusOverview, string? Accomplishments, string? Plans, string? Risks,
    DateOnly? LatestUpdateOn, InitiativeHealth Health, InitiativePhase Phase, DateOnly? StartOn, DateOnly? TargetOn, ManagedBy ManagedBy,
    DateOnly? HandedToPmoOn, int? HandedToPmoPersonId, string? HandedToPmoName, IReadOnlyList<string> MissingFields, int Version)
{
    public static InitiativeDto From(Initiative i) => new(i.Id, i.Name, i.Description, i.AgencyId, i.Agency?.Name, i.RelationshipManagerPersonId,
        i.RelationshipManager?.FullName, i.OwnerPersonId, i.Owner?.FullName, i.StatusOverview, i.Accomplishments, i.Plans, i.Risks, i.LatestUpdateOn,
        i.Health, i.Phase, i.StartOn, i.TargetOn, i.ManagedBy, i.HandedToPmoOn, i.HandedToPmoPersonId, i.HandedToPmo?.FullName, PortfolioRules.Missing(i), i.Version);
}

internal sealed record InitiativeUpdateDto(int Id, DateOnly AsOf, InitiativeHealth Health, string? StatusOverview, string? Accomplishments, string? Plans,
    string? Risks, int? CorrectsId, string? Reason, string AuthorName, DateTime CreatedAt)
{
    public static InitiativeUpdateDto From(InitiativeUpdate u) => new(u.Id, u.AsOf, u.Health, u.StatusOverview, u.Accomplishments, u.Plans, u.Risks,
        u.CorrectsId, u.Reason, u.AuthorName, u.CreatedAt);
}

internal static class PortfolioApi
{
    public static RouteGroupBuilder MapPortfolioApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/initiatives").WithTags("Portfolio");
        group.MapGet("/", ListAsync)
            .WithSummary("The portfolio (search, agencyId, ownerPersonId, managerPersonId, health, phase, state=open|stale|incomplete|closed|all, sort, desc, page, pageSize); agency users get their agency's initiatives, shared fields only");
        group.MapGet("/export", ExportAsync)
            .WithSummary("The portfolio form as filtered, in the form's column order (format=csv, the default, or xlsx); re-importable");
        group.MapGet("/{id:int}", GetAsync).WithSummary("One initiative (agency users: the shared fields only)");
        group.MapPost("/", CreateAsync).WithSummary("Add an initiative (the agency's relationship managers, administrators, or staff adding one they own)");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Edit an initiative's own fields (status goes through updates); a stale version is answered 409");
        group.MapGet("/{id:int}/updates", UpdatesAsync).WithSummary("The status update history, newest first, corrections included");
        group.MapPost("/{id:int}/updates", AddUpdateAsync).WithSummary("Append a status update (asOf defaults to today); the newest is what the form shows");
        group.MapPost("/{id:int}/updates/{updateId:int}/corrections", CorrectAsync)
            .WithSummary("Correct an update by a new entry (reason required); the original stays in the history");
        group.MapPost("/{id:int}/handoff", HandOffAsync)
            .WithSummary("Hand the initiative to the PMO: when and to whom (makeOwner, true by default, makes them its project manager)");
        group.MapImport<ImportPortfolio>("/import")
            .WithSummary("Import a portfolio spreadsheet (multipart 'file', optional 'columns' JSON); dryRun=true previews; re-importing updates");

        var health = api.MapGroup("/portfolio/health").WithTags("Portfolio");
        health.MapGet("/", HealthAsync)
            .WithSummary("Open initiatives updated within the window and complete, against the targets; a page of the exceptions by owner (page, pageSize; most stale first); the monthly trend");
        health.MapPost("/snapshots", SaveSnapshotAsync).WithSummary("Save this month's health review (replaces one saved earlier this month)");
        health.MapPost("/reminders", RemindOwnersAsync).WithSummary("Email each owner the list of their stale initiatives");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<InitiativeRow>>, Ok<IReadOnlyList<SharedInitiative>>>> ListAsync([AsParameters] InitiativeListQuery query,
        ListInitiatives initiatives, AccessRule access, CancellationToken ct) =>
        !access.CanSeeProviderRecords && access.User.AgencyId is { } agencyId
            ? TypedResults.Ok(await initiatives.SharedForAgencyAsync(agencyId, ct))
            : TypedResults.Ok(await initiatives.ListAsync(query, ct));

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] InitiativeListQuery query, string? format, ListInitiatives initiatives,
        CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => initiatives.ExportAsync(query, f, ct));

    private static async Task<Results<VersionedOk<InitiativeDto>, Ok<SharedInitiative>, ProblemHttpResult>> GetAsync(int id, ManageInitiatives initiatives,
        CancellationToken ct)
    {
        var found = await initiatives.GetAsync(id, ct);
        if (!found.IsOk)
            return found.Problem();
        if (!initiatives.IsInternalUser)
            return TypedResults.Ok(SharedInitiative.From(found.Value!));
        var dto = InitiativeDto.From(found.Value!);
        return new VersionedOk<InitiativeDto>(dto, dto.Version);
    }

    private static async Task<Results<VersionedCreated<InitiativeDto>, ProblemHttpResult>> CreateAsync(InitiativeInput input, ManageInitiatives initiatives,
        CancellationToken ct)
    {
        var created = await initiatives.CreateAsync(input, ct);
        return created.IsOk
            ? (await initiatives.GetAsync(created.Value!.Id, ct)).ToCreated(InitiativeDto.From, i => $"/api/v1/initiatives/{i.Id}", i => i.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<InitiativeDto>, ProblemHttpResult>> UpdateAsync(int id, InitiativeInput input, HttpContext http,
        ManageInitiatives initiatives, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await initiatives.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await initiatives.GetAsync(id, ct)).ToVersioned(InitiativeDto.From, i => i.Version) : updated.Problem();
    }

    private static async Task<Results<Ok<List<InitiativeUpdateDto>>, ProblemHttpResult>> UpdatesAsync(int id, ManageInitiatives initiatives, CancellationToken ct) =>
        (await initiatives.HistoryAsync(id, ct)).ToOk(list => list.Select(InitiativeUpdateDto.From).ToList());

    private static async Task<Results<Created<InitiativeUpdateDto>, ProblemHttpResult>> AddUpdateAsync(int id, StatusUpdateInput input,
        ManageInitiatives initiatives, CancellationToken ct) =>
        (await initiatives.AddUpdateAsync(id, input, ct)).ToCreated(InitiativeUpdateDto.From, _ => $"/api/v1/initiatives/{id}/updates");

    private static async Task<Results<Created<InitiativeUpdateDto>, ProblemHttpResult>> CorrectAsync(int id, int updateId, StatusUpdateInput input,
        ManageInitiatives initiatives, CancellationToken ct) =>
        (await initiatives.CorrectAsync(id, updateId, input, ct)).ToCreated(InitiativeUpdateDto.From, _ => $"/api/v1/initiatives/{id}/updates");

    private static async Task<Results<VersionedOk<InitiativeDto>, ProblemHttpResult>> HandOffAsync(int id, HandOffInput input, ManageInitiatives initiatives,
        CancellationToken ct)
    {
        var handed = await initiatives.HandOffAsync(id, input, ct);
        return handed.IsOk ? (await initiatives.GetAsync(id, ct)).ToVersioned(InitiativeDto.From, i => i.Version) : handed.Problem();
    }

    private static async Task<Results<Ok<PortfolioHealthReport>, ProblemHttpResult>> HealthAsync(int? page, int? pageSize, ReviewPortfolioHealth report,
        CancellationToken ct) =>
        (await report.ReportAsync(page ?? 1, pageSize ?? Paging.DefaultPageSize, ct)).ToOk(r => r);

    private static async Task<Results<Ok<PortfolioMonth>, ProblemHttpResult>> SaveSnapshotAsync(ReviewPortfolioHealth report, CancellationToken ct) =>
        (await report.SaveSnapshotAsync(ct)).ToOk(s => s);

    private static async Task<Results<Ok<OwnerReminders>, ProblemHttpResult>> RemindOwnersAsync(ReviewPortfolioHealth report, CancellationToken ct) =>
        (await report.EmailOwnersAsync(ct)).ToOk(r => r);
}
