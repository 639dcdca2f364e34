using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Directory.Units;

internal sealed record UnitDto(int Id, string Name, string? Description, bool IsActive, IReadOnlyList<NamedRef> LinesOfService, int Version)
{
    public static UnitDto From(OperationalUnit u) =>
        new(u.Id, u.Name, u.Description, u.IsActive, u.LinesOfService.Select(l => new NamedRef(l.Id, l.Name)).ToList(), u.Version);
}

internal static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/units").WithTags("Operational units");
        group.MapGet("/", ListAsync).WithSummary("List operational units");
        group.MapGet("/export", ExportAsync).WithSummary("Export operational units as filtered");
        group.MapGet("/{id:int}", GetAsync).WithSummary("Get one operational unit");
        group.MapPost("/", CreateAsync).WithSummary("Create an operational unit (administrators)");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Update an operational unit; a stale version is answered 409");
        group.MapPost("/{id:int}/deactivate", DeactivateAsync).WithSummary("Deactivate an operational unit");
        group.MapPost("/{id:int}/reactivate", ReactivateAsync).WithSummary("Reactivate an operational unit");
        return api;
    }

    private static async Task<Ok<PagedResult<UnitRow>>> ListAsync([AsParameters] UnitListQuery query, ManageUnits units, CancellationToken ct) =>
        TypedResults.Ok(await units.ListAsync(query, ct));

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] UnitListQuery query, string? format, ManageUnits units, TimeProvider clock,
        CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => units.ExportAsync(query, f, clock.GetUtcNow().UtcDateTime, ct));

    private static async Task<Results<VersionedOk<UnitDto>, ProblemHttpResult>> GetAsync(int id, ManageUnits units, CancellationToken ct) =>
        (await units.GetAsync(id, ct)).ToVersioned(UnitDto.From, x => x.Version);

    private static async Task<Results<VersionedCreated<UnitDto>, ProblemHttpResult>> CreateAsync(UnitInput input, ManageUnits units, CancellationToken ct)
    {
        return (await units.CreateAsync(input, ct)).ToCreated(UnitDto.From, x => $"/api/v1/units/{x.Id}", x => x.Version);
    }

    private static async Task<Results<VersionedOk<UnitDto>, ProblemHttpResult>> UpdateAsync(int id, UnitInput input, HttpContext http, ManageUnits units,
        CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        return (await units.UpdateAsync(id, input, ct)).ToVersioned(UnitDto.From, x => x.Version);
    }

    private static async Task<Results<VersionedOk<UnitDto>, ProblemHttpResult>> DeactivateAsync(int id, ManageUnits units, CancellationToken ct) =>
        (await units.SetActiveAsync(id, false, ct)).ToVersioned(UnitDto.From, x => x.Version);

    private static async Task<Results<VersionedOk<UnitDto>, ProblemHttpResult>> ReactivateAsync(int id, ManageUnits units, CancellationToken ct) =>
        (await units.SetActiveAsync(id, true, ct)).ToVersioned(UnitDto.From, x => x.Version);
}
