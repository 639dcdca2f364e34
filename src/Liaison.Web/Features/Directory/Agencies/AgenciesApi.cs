using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Directory.Agencies;

internal sealed record LineOfServiceRef(int Id, string Name);

internal sealed record AgencyDto(
    int Id, string Name, string? Acronym, string? ParentDepartment, string? Website, string? Phone, string? Address,
    string? InternalNotes, bool IsActive, IReadOnlyList<LineOfServiceRef> LinesOfService, int Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static AgencyDto From(Agency a, bool includeInternal) => new(
        a.Id, a.Name, a.Acronym, a.ParentDepartment, a.Website, a.Phone, a.Address, includeInternal ? a.InternalNotes : null, a.IsActive,
        a.LinesOfService.Select(l => new LineOfServiceRef(l.LineOfServiceId, l.LineOfService?.Name ?? "")).OrderBy(l => l.Name).ToList(),
        a.Version, a.CreatedAt, a.UpdatedAt);

    public static AgencyDto From(AgencyDetails d, bool includeInternal) => From(d.Agency, includeInternal) with
    {
        LinesOfService = d.LinesOfService.Select(l => new LineOfServiceRef(l.Id, l.Name)).ToList(),
    };
}

internal static class AgenciesApi
{
    public static RouteGroupBuilder MapAgenciesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/agencies").WithTags("Agencies");
        group.MapGet("/", ListAsync).WithSummary("List agencies (search, status, lineOfServiceId, sort, desc, page, pageSize)");
        group.MapGet("/suggest", SuggestAsync)
            .WithSummary("Agencies for a type-ahead: active, each word of q beginning a word of their name, acronym or parent department; limit 1–25");
        group.MapGet("/export", ExportAsync).WithSummary("Export agencies as filtered, to CSV or XLSX");
        group.MapGet("/{id:int}", GetAsync).WithSummary("Get one agency; its ETag is its version");
        group.MapPost("/", CreateAsync).WithSummary("Create an agency (administrators)");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Update an agency; send If-Match or version, a stale one is answered 409");
        group.MapPost("/{id:int}/deactivate", DeactivateAsync).WithSummary("Deactivate an agency (it stays in the records that refer to it)");
        group.MapPost("/{id:int}/reactivate", ReactivateAsync).WithSummary("Reactivate an agency");
        group.MapGet("/{id:int}/history", HistoryAsync).WithSummary("The agency's change history (provider users)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<AgencySuggestion>>> SuggestAsync(string? q, int? limit, SuggestAgencies suggest, CancellationToken ct) =>
        TypedResults.Ok(await suggest.HandleAsync(q, limit ?? 10, ct));

    private static async Task<Ok<PagedResult<AgencyRow>>> ListAsync([AsParameters] AgencyListQuery query, ListAgencies list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(query, ct));

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] AgencyListQuery query, string? format, ListAgencies list,
        AccessRule access, TimeProvider clock, CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => list.ExportAsync(query, f, access.CanSeeInternalNotes, clock.GetUtcNow().UtcDateTime, ct));

    private static async Task<Results<VersionedOk<AgencyDto>, ProblemHttpResult>> GetAsync(int id, GetAgency get, AccessRule access, CancellationToken ct) =>
        (await get.HandleAsync(id, ct)).ToVersioned(d => AgencyDto.From(d, access.CanSeeInternalNotes), d => d.Version);

    private static async Task<Results<VersionedCreated<AgencyDto>, ProblemHttpResult>> CreateAsync(AgencyInput input, SaveAgency save, GetAgency get,
        CancellationToken ct)
    {
        var created = await save.CreateAsync(input, ct);
        return created.IsOk
            ? (await get.HandleAsync(created.Value!.Id, ct)).ToCreated(d => AgencyDto.From(d, true), a => $"/api/v1/agencies/{a.Id}", a => a.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<AgencyDto>, ProblemHttpResult>> UpdateAsync(int id, AgencyInput input, HttpContext http, SaveAgency save,
        GetAgency get, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        return await AnswerAsync(await save.UpdateAsync(id, input, ct), get, ct);
    }

    private static async Task<Results<VersionedOk<AgencyDto>, ProblemHttpResult>> DeactivateAsync(int id, SaveAgency save, GetAgency get, CancellationToken ct) =>
        await AnswerAsync(await save.SetActiveAsync(id, false, ct), get, ct);

    private static async Task<Results<VersionedOk<AgencyDto>, ProblemHttpResult>> ReactivateAsync(int id, SaveAgency save, GetAgency get, CancellationToken ct) =>
        await AnswerAsync(await save.SetActiveAsync(id, true, ct), get, ct);

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> HistoryAsync(int id, GetAgency get, RecordHistory history,
        AccessRule access, CancellationToken ct)
    {
        if (!(await get.HandleAsync(id, ct)).IsOk)
            return ResultTranslation.NotFound();
        if (!access.CanSeeHistory)
            return ResultTranslation.Forbidden("History is internal to the provider.");
        return TypedResults.Ok(await history.ForAsync(nameof(Agency), id.ToString(CultureInfo.InvariantCulture), ct));
    }

    private static async Task<Results<VersionedOk<AgencyDto>, ProblemHttpResult>> AnswerAsync(Result<Agency> result, GetAgency get, CancellationToken ct) =>
        result.IsOk ? (await get.HandleAsync(result.Value!.Id, ct)).ToVersioned(d => AgencyDto.From(d, true), a => a.Version) : result.Problem();
}
