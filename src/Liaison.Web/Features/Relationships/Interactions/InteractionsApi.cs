using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Relationships.Interactions;

internal sealed record InteractionDto(int Id, int AgencyId, string? AgencyName, DateOnly OccurredOn, InteractionKind Kind, string Subject, string? Summary,
    string? FollowUp, string? InternalNotes, IReadOnlyList<NamedRef> Attendees, int? MeetingId, int Version)
{
    public static InteractionDto From(Interaction i, bool internalNotes) => new(i.Id, i.AgencyId, i.Agency?.Name, i.OccurredOn, i.Kind, i.Subject, i.Summary,
        i.FollowUp, internalNotes ? i.InternalNotes : null, i.Attendees.Select(a => new NamedRef(a.PersonId, a.Person?.FullName ?? "")).ToList(), i.MeetingId, i.Version);
}

internal static class InteractionsApi
{
    public static RouteGroupBuilder MapInteractionsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/interactions").WithTags("Interactions");
        group.MapGet("/", ListInteractionsAsync).WithSummary("The interaction log (search, agencyId, kind, personId, from, to, sort, desc, page, pageSize)");
        group.MapGet("/export", ExportInteractionsAsync).WithSummary("Export the log as filtered");
        group.MapGet("/{id:int}", InteractionAsync).WithSummary("One interaction");
        group.MapPost("/", RecordInteractionAsync).WithSummary("Record an interaction; its attendees' last touch follows");
        group.MapPut("/{id:int}", EditInteractionAsync).WithSummary("Edit an interaction; a stale version is answered 409");
        group.MapImport<ImportInteractions>("/import")
            .WithSummary("Import interactions from CSV/XLSX (Date, Agency, Kind, Subject, Attendees by email, Summary, Follow-up); all rows or none");
        return api;
    }

    private static async Task<Ok<PagedResult<InteractionRow>>> ListInteractionsAsync([AsParameters] InteractionListQuery query, ListInteractions list,
        CancellationToken ct) =>
        TypedResults.Ok(await list.HandleAsync(query, ct));

    private static Task<Results<Download, ProblemHttpResult>> ExportInteractionsAsync([AsParameters] InteractionListQuery query, string? format,
        ListInteractions list, AccessRule access, OrganisationClock clock, CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => list.ExportAsync(query, f, access.CanSeeInternalNotes, clock.UtcNow, ct));

    private static async Task<Results<VersionedOk<InteractionDto>, ProblemHttpResult>> InteractionAsync(int id, RecordInteraction record, AccessRule access,
        CancellationToken ct) =>
        (await record.GetAsync(id, ct)).ToVersioned(i => InteractionDto.From(i, access.CanSeeInternalNotes), i => i.Version);

    private static async Task<Results<VersionedCreated<InteractionDto>, ProblemHttpResult>> RecordInteractionAsync(InteractionInput input, RecordInteraction record,
        CancellationToken ct)
    {
        var created = await record.CreateAsync(input, ct);
        return created.IsOk
            ? (await record.GetAsync(created.Value!.Id, ct)).ToCreated(i => InteractionDto.From(i, true), i => $"/api/v1/interactions/{i.Id}", i => i.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<InteractionDto>, ProblemHttpResult>> EditInteractionAsync(int id, InteractionInput input, HttpContext http,
        RecordInteraction record, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await record.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await record.GetAsync(id, ct)).ToVersioned(i => InteractionDto.From(i, true), i => i.Version) : updated.Problem();
    }
}
