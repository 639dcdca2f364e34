using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Directory.LinesOfService;

internal sealed record LineOfServiceDto(int Id, string Name, int OperationalUnitId, string? OperationalUnitName, string? Description, bool IsActive, int Version)
{
    public static LineOfServiceDto From(LineOfService l) =>
        new(l.Id, l.Name, l.OperationalUnitId, l.OperationalUnit?.Name, l.Description, l.IsActive, l.Version);
}

internal static class LinesOfServiceApi
{
    public static RouteGroupBuilder MapLinesOfServiceApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/lines-of-service").WithTags("Lines of service");
        group.MapGet("/", ListAsync).WithSummary("List the service catalogue");
        group.MapGet("/export", ExportAsync).WithSummary("Export the service catalogue as filtered");
        group.MapGet("/{id:int}", GetAsync).WithSummary("Get one line of service");
        group.MapPost("/", CreateAsync).WithSummary("Create a line of service (administrators)");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Update a line of service; a stale version is answered 409");
        group.MapPost("/{id:int}/deactivate", DeactivateAsync).WithSummary("Deactivate a line of service");
        group.MapPost("/{id:int}/reactivate", ReactivateAsync).WithSummary("Reactivate a line of service");
        return api;
    }

    private static async Task<Ok<PagedResult<LineOfServiceRow>>> ListAsync([AsParameters] LineOfServiceListQuery query, ManageLinesOfService lines, CancellationToken ct) =>
        TypedResults.Ok(await lines.ListAsync(query, ct));

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] LineOfServiceListQuery query, string? format, ManageLinesOfService lines, TimeProvider clock,
        CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => lines.ExportAsync(query, f, clock.GetUtcNow().UtcDateTime, ct));

    private static async Task<Results<VersionedOk<LineOfServiceDto>, ProblemHttpResult>> GetAsync(int id, ManageLinesOfService lines, CancellationToken ct) =>
        (await lines.GetAsync(id, ct)).ToVersioned(LineOfServiceDto.From, x => x.Version);

    private static async Task<Results<VersionedCreated<LineOfServiceDto>, ProblemHttpResult>> CreateAsync(LineOfServiceInput input, ManageLinesOfService lines, CancellationToken ct)
    {
        var created = await lines.CreateAsync(input, ct);
        return created.IsOk
            ? (await lines.GetAsync(created.Value!.Id, ct)).ToCreated(LineOfServiceDto.From, x => $"/api/v1/lines-of-service/{x.Id}", x => x.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<LineOfServiceDto>, ProblemHttpResult>> UpdateAsync(int id, LineOfServiceInput input, HttpContext http, ManageLinesOfService lines,
        CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await lines.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await lines.GetAsync(id, ct)).ToVersioned(LineOfServiceDto.From, x => x.Version) : updated.Problem();
    }

    private static async Task<Results<VersionedOk<LineOfServiceDto>, ProblemHttpResult>> DeactivateAsync(int id, ManageLinesOfService lines, CancellationToken ct) =>
        (await lines.SetActiveAsync(id, false, ct)).ToVersioned(LineOfServiceDto.From, x => x.Version);

    private static async Task<Results<VersionedOk<LineOfServiceDto>, ProblemHttpResult>> ReactivateAsync(int id, ManageLinesOfService lines, CancellationToken ct) =>
        (await lines.SetActiveAsync(id, true, ct)).ToVersioned(LineOfServiceDto.From, x => x.Version);
}
