using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
        group.MapGet("/", ListAsync).WithSummary("List people (search, kind, agencyId, operationalUnitId, status, sort, desc, page, pageSize)");
        group.MapGet("/suggest", SuggestAsync)
            .WithSummary("People for a type-ahead: active, each word of q beginning one of their words; staff=true for the provider's staff, agencyId (repeatable) for those agencies' contacts; limit 1–25");
        group.MapGet("/export", ExportAsync).WithSummary("Export people as filtered, to CSV or XLSX (the columns the import accepts)");
        group.MapGet("/{id:int}", GetAsync).WithSummary("Get one person; its ETag is its version");
        group.MapPost("/", CreateAsync).WithSummary("Add a person (administrators; relationship managers for agency contacts)");
        group.MapPut("/{id:int}", UpdateAsync).WithSummary("Update a person; send If-Match or version, a stale one is answered 409");
        group.MapPost("/{id:int}/deactivate", DeactivateAsync).WithSummary("Deactivate a person (they stay in the records that refer to them)");
        group.MapPost("/{id:int}/reactivate", ReactivateAsync).WithSummary("Reactivate a person");
        group.MapGet("/{id:int}/history", HistoryAsync).WithSummary("The person's change history (provider users)");
        group.MapImport<ImportPeople>("/import")
            .WithSummary("Import people from a CSV or XLSX file (multipart field 'file'); dryRun=true answers the preview. All rows or none.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<PersonSuggestion>>> SuggestAsync(string? q, bool? staff, [FromQuery] int[]? agencyId, int? limit,
        SuggestPeople suggest, CancellationToken ct) =>
        TypedResults.Ok(await suggest.HandleAsync(new PeopleSuggestionQuery(q, staff ?? false, agencyId, limit ?? 10), ct));

    private static async Task<Ok<PagedResult<PersonRow>>> ListAsync([AsParameters] PersonListQuery query, ListPeople list, CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(query, ct));

    private static Task<Results<Download, ProblemHttpResult>> ExportAsync([AsParameters] PersonListQuery query, string? format, ListPeople list,
        AccessRule access, TimeProvider clock, CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => list.ExportAsync(query, f, access.CanSeeInternalNotes, clock.GetUtcNow().UtcDateTime, ct));

    private static async Task<Results<VersionedOk<PersonDto>, ProblemHttpResult>> GetAsync(int id, GetPerson get, AccessRule access, CancellationToken ct) =>
        (await get.HandleAsync(id, ct)).ToVersioned(p => PersonDto.From(p, access.CanSeeInternalNotes), p => p.Version);

    private static async Task<Results<VersionedCreated<PersonDto>, ProblemHttpResult>> CreateAsync(PersonInput input, SavePerson save, GetPerson get,
        CancellationToken ct)
    {
        var saved = await save.CreateAsync(input, ct);
        return saved.IsOk
            ? (await get.HandleAsync(saved.Value!.Id, ct)).ToCreated(p => PersonDto.From(p, true), p => $"/api/v1/people/{p.Id}", p => p.Version)
            : saved.Problem();
    }

    private static async Task<Results<VersionedOk<PersonDto>, ProblemHttpResult>> UpdateAsync(int id, PersonInput input, HttpContext http, SavePerson save,
        GetPerson get, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var saved = await save.UpdateAsync(id, input, ct);
        return saved.IsOk ? (await get.HandleAsync(id, ct)).ToVersioned(p => PersonDto.From(p, true), p => p.Version) : saved.Problem();
    }

    private static async Task<Results<VersionedOk<PersonDto>, ProblemHttpResult>> DeactivateAsync(int id, SavePerson save, CancellationToken ct) =>
        (await save.SetActiveAsync(id, false, ct)).ToVersioned(p => PersonDto.From(p, true), p => p.Version);

    private static async Task<Results<VersionedOk<PersonDto>, ProblemHttpResult>> ReactivateAsync(int id, SavePerson save, CancellationToken ct) =>
        (await save.SetActiveAsync(id, true, ct)).ToVersioned(p => PersonDto.From(p, true), p => p.Version);

    private static async Task<Results<Ok<IReadOnlyList<HistoryEntry>>, ProblemHttpResult>> HistoryAsync(int id, GetPerson get, RecordHistory history,
        AccessRule access, CancellationToken ct)
    {
        var person = await get.HandleAsync(id, ct);
        if (!person.IsOk)
            return person.Problem();
        return access.CanSeeHistory
            ? TypedResults.Ok(await history.ForAsync(nameof(Person), id.ToString(CultureInfo.InvariantCulture), ct))
            : ResultTranslation.Forbidden("History is internal to the provider.");
    }
}
