using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;

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
        group.MapGet("/", async ([AsParameters] UnitListQuery query, ManageUnits units, CancellationToken ct) =>
            TypedResults.Ok(await units.ListAsync(query, ct))).WithSummary("List operational units");
        group.MapGet("/export", async ([AsParameters] UnitListQuery query, string? format, ManageUnits units, TimeProvider clock, CancellationToken ct) =>
            await TableExport.AnswerAsync(format, f => units.ExportAsync(query, f, clock.GetUtcNow().UtcDateTime, ct)))
            .WithSummary("Export operational units as filtered");
        group.MapGet("/{id:int}", async (int id, ManageUnits units, CancellationToken ct) =>
            (await units.GetAsync(id, ct)).ToApi(UnitDto.From, version: u => u.Version)).WithSummary("Get one operational unit");
        group.MapPost("/", async (UnitInput input, ManageUnits units, CancellationToken ct) =>
            (await units.CreateAsync(input, ct)).ToApi(UnitDto.From, u => $"/api/v1/units/{u.Id}", u => u.Version))
            .WithSummary("Create an operational unit (administrators)");
        group.MapPut("/{id:int}", async (int id, UnitInput input, HttpContext http, ManageUnits units, CancellationToken ct) =>
        {
            if (ResultTranslation.RequireVersion(http, input) is { } missing)
                return missing;
            return (await units.UpdateAsync(id, input, ct)).ToApi(UnitDto.From, version: u => u.Version);
        }).WithSummary("Update an operational unit; a stale version is answered 409");
        group.MapPost("/{id:int}/deactivate", async (int id, ManageUnits units, CancellationToken ct) =>
            (await units.SetActiveAsync(id, false, ct)).ToApi(UnitDto.From)).WithSummary("Deactivate an operational unit");
        group.MapPost("/{id:int}/reactivate", async (int id, ManageUnits units, CancellationToken ct) =>
            (await units.SetActiveAsync(id, true, ct)).ToApi(UnitDto.From)).WithSummary("Reactivate an operational unit");
        return api;
    }
}
