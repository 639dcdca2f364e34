using System.Globalization;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Portfolio.QuickWins;

internal sealed record QuickWinDto(int Id, string TaskName, string? Description, int AgencyId, string? AgencyName, int? RelationshipManagerPersonId,
    string? RelationshipManagerName, IReadOnlyList<NamedRef> Contributors, string? Benefit, DateOnly CompletedOn, int Version)
{
    public static QuickWinDto From(QuickWin q) => new(q.Id, q.TaskName, q.Description, q.AgencyId, q.Agency?.Name, q.RelationshipManagerPersonId,
        q.RelationshipManager?.FullName, q.Contributors.Select(c => new NamedRef(c.PersonId, c.Person?.FullName ?? "")).ToList(), q.Benefit, q.CompletedOn, q.Version);
}

/// <summary>Quick wins counted by agency and by month (yyyy-MM) over a period.</summary>
internal sealed record QuickWinSummaryDto(DateOnly From, DateOnly To, int Total, IReadOnlyList<QuickWinsByAgency> ByAgency, IReadOnlyList<QuickWinsByMonth> ByMonth);

internal sealed record QuickWinsByAgency(string Agency, int Count);

internal sealed record QuickWinsByMonth(string Month, int Count);

internal static class QuickWinsApi
{
    public static RouteGroupBuilder MapQuickWinsApi(this RouteGroupBuilder api)
    {
        var wins = api.MapGroup("/quick-wins").WithTags("Quick wins");
        wins.MapGet("/", ListAsync).WithSummary("The quick wins log (search, agencyId, managerPersonId, from, to, sort, desc, page, pageSize); provider users only");
        wins.MapGet("/export", ExportAsync).WithSummary("The log as filtered (format=csv, the default, or xlsx); re-importable");
        wins.MapGet("/summary", SummaryAsync).WithSummary("Counts by agency and by month (the last twelve months unless from/to say otherwise)");
        wins.MapGet("/{id:int}", GetAsync).WithSummary("One quick win");
        wins.MapPost("/", CreateAsync).WithSummary("Log a quick win (the agency's relationship managers and administrators)");
        wins.MapPut("/{id:int}", UpdateAsync).WithSummary("Edit a quick win; a stale version is answered 409");
        wins.MapImport<ImportQuickWins>("/import")
            .WithSummary("Import a quick wins log (multipart 'file', optional 'columns' JSON); dryRun=true previews; re-importing updates");
        return api;
    }

    private static async Task<Results<Ok<PagedResult<QuickWinRow>>, ProblemHttpResult>> ListAsync([AsParameters] QuickWinListQuery query, ListQuickWins log,
        CancellationToken ct) =>
        (await log.ListAsync(query, ct)).ToOk(page => page);

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] QuickWinListQuery query, string? format, ListQuickWins log,
        CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => log.ExportAsync(query, f, ct));

    private static async Task<Results<Ok<QuickWinSummaryDto>, ProblemHttpResult>> SummaryAsync(DateOnly? from, DateOnly? to, ListQuickWins log,
        CancellationToken ct) =>
        (await log.SummaryAsync(from, to, ct)).ToOk(s => new QuickWinSummaryDto(s.From, s.To, s.Total,
            s.ByAgency.Select(a => new QuickWinsByAgency(a.Agency, a.Count)).ToList(),
            s.ByMonth.Select(m => new QuickWinsByMonth(m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Count)).ToList()));

    private static async Task<Results<VersionedOk<QuickWinDto>, ProblemHttpResult>> GetAsync(int id, ManageQuickWins log, CancellationToken ct) =>
        (await log.GetAsync(id, ct)).ToVersioned(QuickWinDto.From, q => q.Version);

    private static async Task<Results<VersionedCreated<QuickWinDto>, ProblemHttpResult>> CreateAsync(QuickWinInput input, ManageQuickWins log, CancellationToken ct)
    {
        var created = await log.CreateAsync(input, ct);
        return created.IsOk
            ? (await log.GetAsync(created.Value!.Id, ct)).ToCreated(QuickWinDto.From, q => $"/api/v1/quick-wins/{q.Id}", q => q.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<QuickWinDto>, ProblemHttpResult>> UpdateAsync(int id, QuickWinInput input, HttpContext http,
        ManageQuickWins log, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await log.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await log.GetAsync(id, ct)).ToVersioned(QuickWinDto.From, q => q.Version) : updated.Problem();
    }
}
