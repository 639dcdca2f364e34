using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Relationships;

internal sealed record StakeholderDto(int PersonId, Priority? Priority, Impact? Impact, Frequency? Frequency, IReadOnlyList<Methods> Methods,
    bool IsAgencyExecutive, bool IsKeyStakeholder, bool IsImplementationCoordinator, DateOnly? LastTouchOn, DateOnly? NextDue, CadenceState Cadence, int Version);

internal sealed record InteractionDto(int Id, int AgencyId, string? AgencyName, DateOnly OccurredOn, InteractionKind Kind, string Subject, string? Summary,
    string? FollowUp, string? InternalNotes, IReadOnlyList<NamedRef> Attendees, int? MeetingId, int Version)
{
    public static InteractionDto From(Interaction i, bool internalNotes) => new(i.Id, i.AgencyId, i.Agency?.Name, i.OccurredOn, i.Kind, i.Subject, i.Summary,
        i.FollowUp, internalNotes ? i.InternalNotes : null, i.Attendees.Select(a => new NamedRef(a.PersonId, a.Person?.FullName ?? "")).ToList(), i.MeetingId, i.Version);
}

internal sealed record MeetingDto(int Id, string Title, MeetingKind Kind, DateTime StartsAt, DateTime EndsAt, string? Location, MeetingStatus Status,
    IReadOnlyList<NamedRef> Agencies, IReadOnlyList<string> Agenda, IReadOnlyList<MeetingAttendeeDto> Attendees, string? Minutes, string? Decisions,
    DateTime? AgendaSentAt, int Version)
{
    public static MeetingDto From(Meeting m) => new(m.Id, m.Title, m.Kind, m.StartsAt, m.EndsAt, m.Location, m.Status,
        m.Agencies.Select(a => new NamedRef(a.AgencyId, a.Agency?.Name ?? "")).ToList(), m.AgendaItems.OrderBy(a => a.Position).Select(a => a.Text).ToList(),
        m.Attendees.Select(a => new MeetingAttendeeDto(a.PersonId, a.Person?.FullName ?? "", a.Attended)).ToList(), m.Minutes, m.Decisions, m.AgendaSentAt, m.Version);
}

internal sealed record MeetingAttendeeDto(int PersonId, string Name, bool Attended);

internal sealed record ActionItemDto(int Id, int AgencyId, string? AgencyName, string Title, string? Details, int OwnerPersonId, string? OwnerName,
    DateOnly? DueOn, ActionStatus Status, DateOnly? CompletedOn, int? MeetingId, int? InteractionId, int Version)
{
    public static ActionItemDto From(ActionItem a) => new(a.Id, a.AgencyId, a.Agency?.Name, a.Title, a.Details, a.OwnerPersonId, a.Owner?.FullName,
        a.DueOn, a.Status, a.CompletedOn, a.MeetingId, a.InteractionId, a.Version);
}

/// <summary>How many attendees a meeting's agenda went to.</summary>
internal sealed record AgendaSent(int SentTo);

internal static class RelationshipsApi
{
    public static RouteGroupBuilder MapAssignmentsApi(this RouteGroupBuilder api)
    {
        var agencies = api.MapGroup("/agencies/{id:int}").WithTags("Relationships");
        agencies.MapGet("/managers", ManagersAsync).WithSummary("The agency's primary and backup relationship managers, and who held them when");
        agencies.MapPut("/managers", AssignAsync).WithSummary("Set the primary and backup (administrators); a change ends the old assignment today");
        agencies.MapGet("/matrix", MatrixAsync).WithSummary("The agency's stakeholder matrix; format=csv or xlsx for the engagement plan's layout");
        agencies.MapGet("/relationships", OverviewAsync)
            .WithSummary("The agency page's data: managers, contacts with cadence, recent interactions, open actions, meetings, health");
        api.MapGet("/coverage", CoverageAsync).WithTags("Relationships")
            .WithSummary("Each relationship manager's agencies and load; agencies without a manager or a backup");

        var people = api.MapGroup("/people/{id:int}/stakeholder").WithTags("Relationships");
        people.MapGet("/", StakeholderAsync).WithSummary("A contact's line of the stakeholder matrix");
        people.MapPut("/", SaveStakeholderAsync).WithSummary("Set a contact's priority, impact, frequency, methods and role flags (version 0 for a first entry)");
        api.MapGroup("/stakeholders").WithTags("Relationships").MapImport<ImportStakeholderCodes>("/import")
            .WithSummary("Import matrix codes from CSV/XLSX (Person Id or Email, Priority, Impact, Frequency, Methods, flags); dryRun=true previews");

        api.MapGet("/me/work", MyWorkAsync)
            .WithTags("Relationships").WithSummary("My work: contacts due, action items due, upcoming meetings (and what later modules add)")
            .WithDescription($"Each section lists its {GetMyWork.SectionLimit} most urgent items and its total; ?section=<key> lists that one in full (up to {GetMyWork.FullLimit}).");
        return api;
    }

    private static async Task<Results<Ok<AgencyManagers>, ProblemHttpResult>> ManagersAsync(int id, ManageAssignments assignments, CancellationToken ct) =>
        (await assignments.ForAgencyAsync(id, ct)).ToOk(m => m);

    private static async Task<Results<Ok<AgencyManagers>, ProblemHttpResult>> AssignAsync(int id, AssignmentInput input, ManageAssignments assignments,
        CancellationToken ct) =>
        (await assignments.AssignAsync(id, input, ct)).ToOk(m => m);

    private static async Task<Results<Ok<IReadOnlyList<MatrixRow>>, Download, ProblemHttpResult>> MatrixAsync(int id, string? format, StakeholderMatrix matrix,
        OrganisationClock clock, GetAgency get, CancellationToken ct)
    {
        var rows = await matrix.ForAgencyAsync(id, ct);
        if (!rows.IsOk)
            return rows.Problem();
        if (format is null)
            return TypedResults.Ok(rows.Value);
        var name = (await get.HandleAsync(id, ct)).Value!.Agency.Name;
        return (await TableExport.AnswerAsync(format, f => Task.FromResult(StakeholderMatrix.Export(rows.Value!, name, f, clock.UtcNow)))).Result switch
        {
            Download file => file,
            var problem => (ProblemHttpResult)problem,
        };
    }

    private static async Task<Results<Ok<AgencyOverviewDto>, ProblemHttpResult>> OverviewAsync(int id, GetAgencyRelationships get, AgencyHealth health,
        CancellationToken ct) =>
        await get.HandleAsync(id, ct) is { } overview
            ? TypedResults.Ok(new AgencyOverviewDto(overview.Managers, overview.Contacts, overview.Interactions, overview.OpenActions, overview.Meetings,
                await health.ForAgencyAsync(id, ct)))
            : ResultTranslation.NotFound();

    private static async Task<Results<Ok<CoverageReport>, ProblemHttpResult>> CoverageAsync(ManageAssignments assignments, CancellationToken ct) =>
        (await assignments.CoverageAsync(ct)).ToOk(c => c);

    private static async Task<Results<VersionedOk<StakeholderDto>, ProblemHttpResult>> StakeholderAsync(int id, StakeholderMatrix matrix, OrganisationClock clock,
        CancellationToken ct) =>
        (await matrix.GetAsync(id, ct)).ToVersioned(p => ToDto(p, clock.Today), p => p.Version);

    private static async Task<Results<VersionedOk<StakeholderDto>, ProblemHttpResult>> SaveStakeholderAsync(int id, StakeholderInput input, HttpContext http,
        StakeholderMatrix matrix, OrganisationClock clock, CancellationToken ct)
    {
        input.Version = ResultTranslation.RequestedVersion(http, input.Version) ?? 0;
        return (await matrix.SaveAsync(id, input, ct)).ToVersioned(p => ToDto(p, clock.Today), p => p.Version);
    }

    private static async Task<Ok<IReadOnlyList<MyWorkSection>>> MyWorkAsync(string? section, GetMyWork work, CancellationToken ct) =>
        TypedResults.Ok(await work.HandleAsync(section, ct));

    private static StakeholderDto ToDto(StakeholderProfile p, DateOnly today) => new(p.PersonId, p.Priority, p.Impact, p.Frequency, StakeholderCodes.Split(p.Methods),
        p.IsAgencyExecutive, p.IsKeyStakeholder, p.IsImplementationCoordinator, p.LastTouchOn, Cadence.NextDue(p.Frequency, p.LastTouchOn, today),
        Cadence.State(p.Frequency, p.LastTouchOn, today), p.Version);

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

    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/meetings").WithTags("Meetings");
        group.MapGet("/", ListMeetingsAsync).WithSummary("Meetings (when=upcoming|past|all, agencyId, kind, search)");
        group.MapGet("/{id:int}", MeetingAsync).WithSummary("One meeting with its agenda and attendees (times in UTC)");
        group.MapPost("/", PlanMeetingAsync).WithSummary("Plan a meeting; startsAt and endsAt are the organisation's local time, agenda is one item per line");
        group.MapPut("/{id:int}", EditMeetingAsync).WithSummary("Edit a meeting, or record it as held with attendance, minutes and decisions");
        group.MapPost("/{id:int}/send-agenda", SendAgendaAsync).WithSummary("Email the agenda and calendar file to the attendees now");
        group.MapGet("/{id:int}/ics", MeetingIcsAsync).WithSummary("The meeting as an iCalendar file");
        api.MapGet("/engagement", EngagementAsync).WithTags("Meetings")
            .WithSummary("Steering committees and help desk live sessions per fiscal quarter, with their reach, against the strategic plan's targets");
        return api;
    }

    private static async Task<Ok<PagedResult<MeetingRow>>> ListMeetingsAsync([AsParameters] MeetingListQuery query, ManageMeetings meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.ListAsync(query, ct));

    private static async Task<Results<VersionedOk<MeetingDto>, ProblemHttpResult>> MeetingAsync(int id, ManageMeetings meetings, CancellationToken ct) =>
        (await meetings.GetAsync(id, ct)).ToVersioned(MeetingDto.From, m => m.Version);

    private static async Task<Results<VersionedCreated<MeetingDto>, ProblemHttpResult>> PlanMeetingAsync(MeetingInput input, ManageMeetings meetings,
        CancellationToken ct)
    {
        var created = await meetings.CreateAsync(input, ct);
        return created.IsOk
            ? (await meetings.GetAsync(created.Value!.Id, ct)).ToCreated(MeetingDto.From, m => $"/api/v1/meetings/{m.Id}", m => m.Version)
            : created.Problem();
    }

    private static async Task<Results<VersionedOk<MeetingDto>, ProblemHttpResult>> EditMeetingAsync(int id, MeetingInput input, HttpContext http,
        ManageMeetings meetings, CancellationToken ct)
    {
        if (ResultTranslation.RequireVersion(http, input) is { } missing)
            return missing;
        var updated = await meetings.UpdateAsync(id, input, ct);
        return updated.IsOk ? (await meetings.GetAsync(id, ct)).ToVersioned(MeetingDto.From, m => m.Version) : updated.Problem();
    }

    private static async Task<Results<Ok<AgendaSent>, ProblemHttpResult>> SendAgendaAsync(int id, ManageMeetings meetings, CancellationToken ct) =>
        (await meetings.SendAgendaAsync(id, ct)).ToOk(n => new AgendaSent(n));

    private static async Task<Results<CalendarDownload, ProblemHttpResult>> MeetingIcsAsync(int id, ManageMeetings meetings, CancellationToken ct)
    {
        var meeting = await meetings.GetAsync(id, ct);
        return meeting.IsOk ? new CalendarDownload(meetings.IcsOf(meeting.Value!), $"meeting-{id}.ics") : meeting.Problem();
    }

    private static async Task<Ok<IReadOnlyList<EngagementQuarter>>> EngagementAsync(int? quarters, EngagementCounts counts, CancellationToken ct) =>
        TypedResults.Ok(await counts.LastQuartersAsync(Math.Clamp(quarters ?? 4, 1, 12), ct));

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
        return api;
    }

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

/// <summary>The agency page's data as the API gives it: the relationship, and every module's health signals.</summary>
internal sealed record AgencyOverviewDto(AgencyManagers Managers, IReadOnlyList<MatrixRow> Contacts, IReadOnlyList<RecentInteraction> Interactions,
    IReadOnlyList<OpenAction> OpenActions, IReadOnlyList<UpcomingMeeting> Meetings, IReadOnlyList<HealthSignal> Health);
