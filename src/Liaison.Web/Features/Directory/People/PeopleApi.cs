using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Features.Directory.People;

internal sealed record PersonDto(
    int Id, string FirstName, string LastName, string? Title, string? Email, string? Phone, PersonKind Kind,
    int? AgencyId, string? AgencyName, int? OperationalUnitId, string? OperationalUnitName, string? InternalNotes,
    bool IsActive, int Version, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static PersonDto From(Person p, bool includeInternal) => new(
        p.Id, p.FirstName, p.LastName, p.Title, p.Email, p.Phone, p.Kind, p.AgencyId, p.Agency?.Name,
        p.OperationalUnitId, p.OperationalUnit?.Name, includeInternal ? p.InternalNotes : null, p.IsActive, p.Version, p.CreatedAt, p.UpdatedAt);
}

internal static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/people").WithTags("People");

        group.MapGet("/", async ([AsParameters] PersonListQuery query, ListPeople list, CancellationToken ct) =>
            TypedResults.Ok(await list.HandleAsync(query, ct)))
            .WithSummary("List people (search, kind, agencyId, operationalUnitId, status, sort, desc, page, pageSize)");

        group.MapGet("/export", async ([AsParameters] PersonListQuery query, string? format, ListPeople list, AccessRule access, TimeProvider clock, CancellationToken ct) =>
                await TableExport.AnswerAsync(format, f => list.ExportAsync(query, f, access.CanSeeInternalNotes, clock.GetUtcNow().UtcDateTime, ct)))
            .WithSummary("Export people as filtered, to CSV or XLSX (the columns the import accepts)");

        group.MapGet("/{id:int}", async (int id, GetPerson get, AccessRule access, CancellationToken ct) =>
            (await get.HandleAsync(id, ct)).ToApi(p => PersonDto.From(p, access.CanSeeInternalNotes), version: p => p.Version))
            .WithSummary("Get one person; its ETag is its version");

        group.MapPost("/", async (PersonInput input, SavePerson save, GetPerson get, AccessRule access, CancellationToken ct) =>
        {
            var saved = await save.CreateAsync(input, ct);
            return saved.IsOk
                ? (await get.HandleAsync(saved.Value!.Id, ct)).ToApi(p => PersonDto.From(p, true), p => $"/api/v1/people/{p.Id}", p => p.Version)
                : saved.Problem();
        }).WithSummary("Add a person (administrators; relationship managers for agency contacts)");

        group.MapPut("/{id:int}", async (int id, PersonInput input, HttpContext http, SavePerson save, GetPerson get, CancellationToken ct) =>
        {
            if (ResultTranslation.RequireVersion(http, input) is { } missing)
                return missing;
            var saved = await save.UpdateAsync(id, input, ct);
            return saved.IsOk ? (await get.HandleAsync(id, ct)).ToApi(p => PersonDto.From(p, true), version: p => p.Version) : saved.Problem();
        }).WithSummary("Update a person; send If-Match or version, a stale one is answered 409");

        group.MapPost("/{id:int}/deactivate", async (int id, SavePerson save, CancellationToken ct) =>
            (await save.SetActiveAsync(id, false, ct)).ToApi(p => PersonDto.From(p, true)))
            .WithSummary("Deactivate a person (they stay in the records that refer to them)");

        group.MapPost("/{id:int}/reactivate", async (int id, SavePerson save, CancellationToken ct) =>
            (await save.SetActiveAsync(id, true, ct)).ToApi(p => PersonDto.From(p, true)))
            .WithSummary("Reactivate a person");

        group.MapGet("/{id:int}/history", async (int id, GetPerson get, RecordHistory history, AccessRule access, CancellationToken ct) =>
            {
                var person = await get.HandleAsync(id, ct);
                if (!person.IsOk)
                    return person.Problem();
                return access.CanSeeHistory
                    ? Results.Ok(await history.ForAsync(nameof(Person), id.ToString(CultureInfo.InvariantCulture), ct))
                    : Results.Problem(title: "Forbidden", detail: "History is internal to the provider.", statusCode: 403);
            })
            .WithSummary("The person's change history (provider users)");

        group.MapPost("/import", (HttpRequest request, IFormFile file, bool? dryRun, ImportPeople import, CancellationToken ct) =>
                ImportApi.HandleAsync(request, file, dryRun, import.PreviewAsync, import.CommitAsync, ct))
            .DisableAntiforgery()
            .WithSummary("Import people from a CSV or XLSX file (multipart field 'file'); dryRun=true answers the preview. All rows or none.");
        return api;
    }
}
