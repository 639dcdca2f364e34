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

        group.MapGet("/", async ([AsParameters] AgencyListQuery query, ListAgencies list, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("List agencies (search, status, lineOfServiceId, sort, desc, page, pageSize)");

        group.MapGet("/export", async ([AsParameters] AgencyListQuery query, string? format, ListAgencies list, AccessRule access, TimeProvider clock, CancellationToken ct) =>
                await TableExport.AnswerAsync(format, f => list.ExportAsync(query, f, access.CanSeeInternalNotes, clock.GetUtcNow().UtcDateTime, ct)))
            .WithSummary("Export agencies as filtered, to CSV or XLSX");

        group.MapGet("/{id:int}", async (int id, GetAgency get, AccessRule access, CancellationToken ct) =>
            (await get.HandleAsync(id, ct)).ToApi(d => AgencyDto.From(d, access.CanSeeInternalNotes), version: d => d.Version))
            .WithSummary("Get one agency; its ETag is its version");

        group.MapPost("/", async (AgencyInput input, SaveAgency save, GetAgency get, CancellationToken ct) =>
            {
                var created = await save.CreateAsync(input, ct);
                return created.IsOk
                    ? (await get.HandleAsync(created.Value!.Id, ct)).ToApi(d => AgencyDto.From(d, true), a => $"/api/v1/agencies/{a.Id}", a => a.Version)
                    : created.Problem();
            })
            .WithSummary("Create an agency (administrators)");

        group.MapPut("/{id:int}", async (int id, AgencyInput input, HttpContext http, SaveAgency save, GetAgency get, CancellationToken ct) =>
        {
            if (ResultTranslation.RequireVersion(http, input) is { } missing)
                return missing;
            var updated = await save.UpdateAsync(id, input, ct);
            return updated.IsOk ? (await get.HandleAsync(id, ct)).ToApi(d => AgencyDto.From(d, true), version: a => a.Version) : updated.Problem();
        }).WithSummary("Update an agency; send If-Match or version, a stale one is answered 409");

        group.MapPost("/{id:int}/deactivate", async (int id, SaveAgency save, GetAgency get, CancellationToken ct) =>
            await AnswerAsync(await save.SetActiveAsync(id, false, ct), get, ct))
            .WithSummary("Deactivate an agency (it stays in the records that refer to it)");

        group.MapPost("/{id:int}/reactivate", async (int id, SaveAgency save, GetAgency get, CancellationToken ct) =>
            await AnswerAsync(await save.SetActiveAsync(id, true, ct), get, ct))
            .WithSummary("Reactivate an agency");

        group.MapGet("/{id:int}/history", async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> (
                int id, GetAgency get, RecordHistory history, AccessRule access, CancellationToken ct) =>
            {
                if (!(await get.HandleAsync(id, ct)).IsOk)
                    return TypedResults.Problem(title: "Not found", statusCode: 404);
                if (!access.CanSeeHistory)
                    return TypedResults.Problem(title: "Forbidden", detail: "History is internal to the provider.", statusCode: 403);
                return TypedResults.Ok(await history.ForAsync(nameof(Agency), id.ToString(CultureInfo.InvariantCulture), ct));
            })
            .WithSummary("The agency's change history (provider users)");
        return api;
    }

    private static async Task<IResult> AnswerAsync(Result<Agency> result, GetAgency get, CancellationToken ct) =>
        result.IsOk ? (await get.HandleAsync(result.Value!.Id, ct)).ToApi(d => AgencyDto.From(d, true), version: a => a.Version) : result.Problem();
}
