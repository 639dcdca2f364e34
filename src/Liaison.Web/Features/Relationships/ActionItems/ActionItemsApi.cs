using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.ActionItems;

internal sealed record ActionItemDto(int Id, int AgencyId, string? AgencyName, string Title, string? Details, int OwnerPersonId, string? OwnerName,
    DateOnly? DueOn, ActionStatus Status, DateOnly? CompletedOn, int? MeetingId, int? InteractionId, int Version)
{
    public static ActionItemDto From(ActionItem a) => new(a.Id, a.AgencyId, a.Agency?.Name, a.Title, a.Details, a.OwnerPersonId, a.Owner?.FullName,
        a.DueOn, a.Status, a.CompletedOn, a.MeetingId, a.InteractionId, a.Version);
}

internal static class ActionItemsApi
{
    public static RouteGroupBuilder MapActionItemsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/action-items").WithTags("Action items");
        group.MapGet("/", ListActionItemsAsync)
            .WithSummary("The action items log (status=open|done|cancelled|all, due=late|week|none, agencyId, ownerPersonId, meetingId, search)");
        group.MapGet("/export", ExportActionItemsAsync).WithSummary("Export the log as filtered");
        group.MapGet("/{id:int}", ActionItemAsync).WithSummary("One action item");
        group.MapPost("/", AddActionItemAsync).WithSummary("Add an action item (owner: staff or one of the agency's contacts)");
        group.MapPut("/{id:int}", EditActionItemAsync).WithSummary("Edit an action item; a stale version is answered 409");
        group.MapPost("/{id:int}/close", CloseActionItemAsync).WithSummary("Mark an action item done (agency users: the items assigned to them)");
        group.MapPost("/bulk-close", BulkCloseAsync)
            .WithSummary("Mark several action items done ({ids}, at most 200): how many changed, and each one left alone with the reason");
        group.MapPost("/bulk-reassign", BulkReassignAsync)
            .WithSummary("Give several action items a new owner ({ids, ownerPersonId}: staff, or a contact of each item's agency)");
        group.MapGet("/{id:int}/comments", CommentsAsync).WithSummary("The comments on an action item, oldest first");
        group.MapPost("/{id:int}/comments", CommentAsync)
            .WithSummary("Comment on an action item ({text}: its staff, or the agency contact who owns it; \"@First Last\" tells that person)");
        api.MapPost("/meetings/{id:int}/action-items", AddToMeetingAsync).WithTags("Action items")
            .WithSummary($"Add several action items from a meeting ({{items: [{{title, ownerPersonId, dueOn, agencyId, details}}]}}, at most {AddActionItems.MaxItems}; blank rows skipped): all or none");
        api.MapPost("/interactions/{id:int}/action-items", AddToInteractionAsync).WithTags("Action items")
            .WithSummary($"Add several action items from an interaction ({{items: [{{title, ownerPersonId, dueOn, details}}]}}, at most {AddActionItems.MaxItems}): all or none");
        return api;
    }

    private static async Task<Results<Ok<List<CommentDto>>, ProblemHttpResult>> CommentsAsync(int id, CommentOnActionItems comments, CancellationToken ct)
    {
        var listed = await comments.ListAsync(id, ct);
        return listed.IsOk ? TypedResults.Ok(listed.Value!.Select(CommentDto.From).ToList()) : listed.Problem();
    }

    private static async Task<Results<Created<CommentDto>, ProblemHttpResult>> CommentAsync(int id, CommentInput input, CommentOnActionItems comments,
        CancellationToken ct)
    {
        var added = await comments.AddAsync(id, input, ct);
        return added.IsOk ? TypedResults.Created($"/api/v1/action-items/{id}/comments#{added.Value!.Id}", CommentDto.From(added.Value)) : added.Problem();
    }

    private static async Task<Results<Created<List<ActionItemRow>>, ProblemHttpResult>> AddToMeetingAsync(int id, ActionItemDrafts input,
        AddActionItems adder, ManageActionItems items, CancellationToken ct) =>
        await CreatedAsync(await adder.ToMeetingAsync(id, input, ct), $"/api/v1/action-items?meetingId={id}&status=all", items, ct);

    private static async Task<Results<Created<List<ActionItemRow>>, ProblemHttpResult>> AddToInteractionAsync(int id, ActionItemDrafts input,
        AddActionItems adder, ManageActionItems items, CancellationToken ct) =>
        await CreatedAsync(await adder.ToInteractionAsync(id, input, ct), "/api/v1/action-items?status=all", items, ct);

    private static async Task<Results<Created<List<ActionItemRow>>, ProblemHttpResult>> CreatedAsync(Result<IReadOnlyList<ActionItem>> added,
        string location, ManageActionItems items, CancellationToken ct)
    {
        if (!added.IsOk)
            return added.Problem();
        var ids = added.Value!.Select(a => a.Id).ToList();
        var rows = await ManageActionItems.Rows(items.Filtered(new ActionItemListQuery(Status: "all")).Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id)).ToListAsync(ct);
        return TypedResults.Created(location, rows);
    }

    private static async Task<Results<Ok<BulkOutcome>, ProblemHttpResult>> BulkCloseAsync(BulkActionInput input, ChangeActionItemsInBulk bulk,
        CancellationToken ct) =>
        (await bulk.CloseAsync(input, ct)).ToOk(outcome => outcome);

    private static async Task<Results<Ok<BulkOutcome>, ProblemHttpResult>> BulkReassignAsync(BulkActionInput input, ChangeActionItemsInBulk bulk,
        CancellationToken ct) =>
        (await bulk.ReassignAsync(input, ct)).ToOk(outcome => outcome);

    private static async Task<Ok<PagedResult<ActionItemRow>>> ListActionItemsAsync([AsParameters] ActionItemListQuery query, ManageActionItems items,
        CancellationToken ct) =>
        TypedResults.Ok(await items.ListAsync(query, ct));

    private static Task<Results<Download, ProblemHttpResult>> ExportActionItemsAsync([AsParameters] ActionItemListQuery query, string? format,
        ManageActionItems items, CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => items.ExportAsync(query, f, ct));

    private static async Task<Results<VersionedOk<ActionItemDto>, ProblemHttpResult>> ActionItemAsync(int id, ManageActionItems items, CancellationToken ct) =>
        (await items.GetAsync(id, ct)).ToVersioned(ActionItemDto.From, a => a.Version);

    private static async Task<Results<VersionedCreated<ActionItemDto>, ProblemHttpResult>> AddActionItemAsync(ActionItemInput input, ManageActionItems items,
        CancellationToken ct)
    {
        var created = await items.CreateAsync(input, ct);
        return created.IsOk
            ? (await items.GetAsync(created.Value!.Id, ct)).ToCreated(ActionItemDto.From, a => $"/api/v1/action-items/{a.Id}", a => a.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<ActionItemDto>, ProblemHttpResult>> EditActionItemAsync(int id, ActionItemInput input, HttpContext http,
        ManageActionItems items, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await items.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await items.GetAsync(id, ct)).ToVersioned(ActionItemDto.From, a => a.Version) : updated.Problem();
    }

    private static async Task<Results<VersionedOk<ActionItemDto>, ProblemHttpResult>> CloseActionItemAsync(int id, ManageActionItems items, CancellationToken ct)
    {
        var closed = await items.CloseAsync(id, ct);
        return closed.IsOk ? (await items.GetAsync(id, ct)).ToVersioned(ActionItemDto.From, a => a.Version) : closed.Problem();
    }
}
