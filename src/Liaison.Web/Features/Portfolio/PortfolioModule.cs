using Liaison.Web.Features.Portfolio.QuickWins;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Portfolio;

/// <summary>Portfolio (CAPTIVE) and the quick wins log.</summary>
internal sealed class PortfolioModule : ILiaisonModule
{
    public void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<PortfolioRules>();
        services.AddScoped<InitiativePolicy>();
        services.AddScoped<ManageInitiatives>();
        services.AddScoped<ListInitiatives>();
        services.AddScoped<PortfolioHealth>();
        services.AddScoped<ImportPortfolio>();
        services.AddScoped<ManageQuickWins>();
        services.AddScoped<ListQuickWins>();
        services.AddScoped<ImportQuickWins>();
        services.AddScoped<IMyWorkSource, StaleInitiativesSource>();
        services.AddScoped<IAgencyHealthContributor, PortfolioAgencyHealth>();
        services.AddScoped<IDemoSeeder, PortfolioDemo>();
        services.AddScoped<IAgencySection, AgencyInitiativesSection>();
    }

    public IEnumerable<MenuEntry> Menu(CurrentUser user)
    {
        if (!user.IsAgencyUser)
            yield return MenuEntry.Group(40, "Portfolio", new("Initiatives", "/Portfolio"), new("Portfolio health", "/Portfolio/Health"), new("Quick wins", "/QuickWins"),
                new("Quick wins summary", "/QuickWins/Summary"));
    }

    public void MapApi(RouteGroupBuilder api) => MapApiGroups(api);

    private static RouteGroupBuilder MapApiGroups(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/initiatives").WithTags("Portfolio");
        group.MapGet("/", async ([AsParameters] InitiativeListQuery query, ListInitiatives initiatives, Platform.Auth.AccessRule access, CancellationToken ct) =>
            !access.CanSeeProviderRecords && access.User.AgencyId is { } agencyId
                ? Results.Ok(await initiatives.SharedForAgencyAsync(agencyId, ct))
                : Results.Ok(await initiatives.ListAsync(query, ct)))
            .WithSummary("The portfolio (search, agencyId, ownerPersonId, managerPersonId, health, phase, state=open|stale|incomplete|closed|all, sort, desc, page, pageSize); agency users get their agency's initiatives, shared fields only");
        group.MapGet("/export", ([AsParameters] InitiativeListQuery query, string? format, ListInitiatives initiatives, CancellationToken ct) =>
                TableExport.AnswerAsync(format, f => initiatives.ExportAsync(query, f, ct)))
            .WithSummary("The portfolio form as filtered, in the form's column order (format=csv, the default, or xlsx); re-importable");
        group.MapGet("/{id:int}", async (int id, ManageInitiatives initiatives, CancellationToken ct) =>
            {
                var found = await initiatives.GetAsync(id, ct);
                return initiatives.IsInternalUser ? found.ToApi(InitiativeDto.From, version: i => i.Version) : found.ToApi(SharedInitiative.From);
            })
            .WithSummary("One initiative (agency users: the shared fields only)");
        group.MapPost("/", async (InitiativeInput input, ManageInitiatives initiatives, CancellationToken ct) =>
            {
                var created = await initiatives.CreateAsync(input, ct);
                return created.IsOk ? (await initiatives.GetAsync(created.Value!.Id, ct)).ToApi(InitiativeDto.From, i => $"/api/v1/initiatives/{i.Id}", i => i.Version) : created.Problem();
            })
            .WithSummary("Add an initiative (the agency's relationship managers, administrators, or staff adding one they own)");
        group.MapPut("/{id:int}", async (int id, InitiativeInput input, HttpContext http, ManageInitiatives initiatives, CancellationToken ct) =>
            {
                if (ResultTranslation.RequireVersion(http, input) is { } missing)
                    return missing;
                var updated = await initiatives.UpdateAsync(id, input, ct);
                return updated.IsOk ? (await initiatives.GetAsync(id, ct)).ToApi(InitiativeDto.From, version: i => i.Version) : updated.Problem();
            })
            .WithSummary("Edit an initiative's own fields (status goes through updates); a stale version is answered 409");
        group.MapGet("/{id:int}/updates", async (int id, ManageInitiatives initiatives, CancellationToken ct) => (await initiatives.HistoryAsync(id, ct)).ToApi(list => list.Select(InitiativeUpdateDto.From).ToList()))
            .WithSummary("The status update history, newest first, corrections included");
        group.MapPost("/{id:int}/updates", async (int id, StatusUpdateInput input, ManageInitiatives initiatives, CancellationToken ct) =>
                (await initiatives.AddUpdateAsync(id, input, ct)).ToApi(InitiativeUpdateDto.From, u => $"/api/v1/initiatives/{id}/updates"))
            .WithSummary("Append a status update (asOf defaults to today); the newest is what the form shows");
        group.MapPost("/{id:int}/updates/{updateId:int}/corrections", async (int id, int updateId, StatusUpdateInput input, ManageInitiatives initiatives, CancellationToken ct) =>
                (await initiatives.CorrectAsync(id, updateId, input, ct)).ToApi(InitiativeUpdateDto.From, u => $"/api/v1/initiatives/{id}/updates"))
            .WithSummary("Correct an update by a new entry (reason required); the original stays in the history");
        group.MapPost("/{id:int}/handoff", async (int id, HandOffInput input, ManageInitiatives initiatives, CancellationToken ct) =>
            {
                var handed = await initiatives.HandOffAsync(id, input, ct);
                return handed.IsOk ? (await initiatives.GetAsync(id, ct)).ToApi(InitiativeDto.From, version: i => i.Version) : handed.Problem();
            })
            .WithSummary("Hand the initiative to the PMO: when and to whom (makeOwner, true by default, makes them its project manager)");
        group.MapPost("/import", (HttpRequest request, IFormFile file, bool? dryRun, ImportPortfolio import, CancellationToken ct) =>
                ImportApi.HandleAsync(request, file, dryRun, import.PreviewAsync, import.CommitAsync, ct))
            .DisableAntiforgery().WithSummary("Import a portfolio spreadsheet (multipart 'file', optional 'columns' JSON); dryRun=true previews; re-importing updates");

        var health = api.MapGroup("/portfolio/health").WithTags("Portfolio");
        health.MapGet("/", async (int? page, int? pageSize, PortfolioHealth report, CancellationToken ct) =>
                (await report.ReportAsync(page ?? 1, pageSize ?? Paging.DefaultPageSize, ct)).ToApi(r => r))
            .WithSummary("Open initiatives updated within the window and complete, against the targets; a page of the exceptions by owner (page, pageSize; most stale first); the monthly trend");
        health.MapPost("/snapshots", async (PortfolioHealth report, CancellationToken ct) => (await report.SaveSnapshotAsync(ct)).ToApi(s => s))
            .WithSummary("Save this month's health review (replaces one saved earlier this month)");
        health.MapPost("/reminders", async (PortfolioHealth report, CancellationToken ct) =>
                (await report.EmailOwnersAsync(ct)).ToApi(r => new { sent = r.Sent, withoutEmail = r.WithoutEmail }))
            .WithSummary("Email each owner the list of their stale initiatives");

        var wins = api.MapGroup("/quick-wins").WithTags("Quick wins");
        wins.MapGet("/", async ([AsParameters] QuickWinListQuery query, ListQuickWins log, CancellationToken ct) => (await log.ListAsync(query, ct)).ToApi(r => r))
            .WithSummary("The quick wins log (search, agencyId, managerPersonId, from, to, sort, desc, page, pageSize); provider users only");
        wins.MapGet("/export", ([AsParameters] QuickWinListQuery query, string? format, ListQuickWins log, CancellationToken ct) =>
                TableExport.AnswerAsync(format, f => log.ExportAsync(query, f, ct)))
            .WithSummary("The log as filtered (format=csv, the default, or xlsx); re-importable");
        wins.MapGet("/summary", async (DateOnly? from, DateOnly? to, ListQuickWins log, CancellationToken ct) =>
                (await log.SummaryAsync(from, to, ct)).ToApi(s => new
                {
                    s.From,
                    s.To,
                    s.Total,
                    byAgency = s.ByAgency.Select(a => new { agency = a.Agency, count = a.Count }),
                    byMonth = s.ByMonth.Select(m => new { month = m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), count = m.Count }),
                }))
            .WithSummary("Counts by agency and by month (the last twelve months unless from/to say otherwise)");
        wins.MapGet("/{id:int}", async (int id, ManageQuickWins log, CancellationToken ct) => (await log.GetAsync(id, ct)).ToApi(QuickWinDto.From, version: q => q.Version))
            .WithSummary("One quick win");
        wins.MapPost("/", async (QuickWinInput input, ManageQuickWins log, CancellationToken ct) =>
            {
                var created = await log.CreateAsync(input, ct);
                return created.IsOk ? (await log.GetAsync(created.Value!.Id, ct)).ToApi(QuickWinDto.From, q => $"/api/v1/quick-wins/{q.Id}", q => q.Version) : created.Problem();
            })
            .WithSummary("Log a quick win (the agency's relationship managers and administrators)");
        wins.MapPut("/{id:int}", async (int id, QuickWinInput input, HttpContext http, ManageQuickWins log, CancellationToken ct) =>
            {
                if (ResultTranslation.RequireVersion(http, input) is { } missing)
                    return missing;
                var updated = await log.UpdateAsync(id, input, ct);
                return updated.IsOk ? (await log.GetAsync(id, ct)).ToApi(QuickWinDto.From, version: q => q.Version) : updated.Problem();
            })
            .WithSummary("Edit a quick win; a stale version is answered 409");
        wins.MapPost("/import", (HttpRequest request, IFormFile file, bool? dryRun, ImportQuickWins import, CancellationToken ct) =>
                ImportApi.HandleAsync(request, file, dryRun, import.PreviewAsync, import.CommitAsync, ct))
            .DisableAntiforgery().WithSummary("Import a quick wins log (multipart 'file', optional 'columns' JSON); dryRun=true previews; re-importing updates");
        return api;
    }
}

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

internal sealed record QuickWinDto(int Id, string TaskName, string? Description, int AgencyId, string? AgencyName, int? RelationshipManagerPersonId,
    string? RelationshipManagerName, IReadOnlyList<NamedRef> Contributors, string? Benefit, DateOnly CompletedOn, int Version)
{
    public static QuickWinDto From(QuickWin q) => new(q.Id, q.TaskName, q.Description, q.AgencyId, q.Agency?.Name, q.RelationshipManagerPersonId,
        q.RelationshipManager?.FullName, q.Contributors.Select(c => new NamedRef(c.PersonId, c.Person?.FullName ?? "")).ToList(), q.Benefit, q.CompletedOn, q.Version);
}
