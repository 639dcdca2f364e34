using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;

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
        group.MapGet("/", async ([AsParameters] LineOfServiceListQuery query, ManageLinesOfService lines, CancellationToken ct) =>
            TypedResults.Ok(await lines.ListAsync(query, ct))).WithSummary("List the service catalogue");
        group.MapGet("/export", async ([AsParameters] LineOfServiceListQuery query, string? format, ManageLinesOfService lines, TimeProvider clock, CancellationToken ct) =>
            await TableExport.AnswerAsync(format, f => lines.ExportAsync(query, f, clock.GetUtcNow().UtcDateTime, ct)))
            .WithSummary("Export the service catalogue as filtered");
        group.MapGet("/{id:int}", async (int id, ManageLinesOfService lines, CancellationToken ct) =>
            (await lines.GetAsync(id, ct)).ToApi(LineOfServiceDto.From, version: l => l.Version)).WithSummary("Get one line of service");
        group.MapPost("/", async (LineOfServiceInput input, ManageLinesOfService lines, CancellationToken ct) =>
        {
            var created = await lines.CreateAsync(input, ct);
            return created.IsOk
                ? (await lines.GetAsync(created.Value!.Id, ct)).ToApi(LineOfServiceDto.From, l => $"/api/v1/lines-of-service/{l.Id}", l => l.Version)
                : created.Problem();
        }).WithSummary("Create a line of service (administrators)");
        group.MapPut("/{id:int}", async (int id, LineOfServiceInput input, HttpContext http, ManageLinesOfService lines, CancellationToken ct) =>
        {
            if (ResultTranslation.RequireVersion(http, input) is { } missing)
                return missing;
            var updated = await lines.UpdateAsync(id, input, ct);
            return updated.IsOk ? (await lines.GetAsync(id, ct)).ToApi(LineOfServiceDto.From, version: l => l.Version) : updated.Problem();
        }).WithSummary("Update a line of service; a stale version is answered 409");
        group.MapPost("/{id:int}/deactivate", async (int id, ManageLinesOfService lines, CancellationToken ct) =>
            (await lines.SetActiveAsync(id, false, ct)).ToApi(LineOfServiceDto.From)).WithSummary("Deactivate a line of service");
        group.MapPost("/{id:int}/reactivate", async (int id, ManageLinesOfService lines, CancellationToken ct) =>
            (await lines.SetActiveAsync(id, true, ct)).ToApi(LineOfServiceDto.From)).WithSummary("Reactivate a line of service");
        return api;
    }
}
