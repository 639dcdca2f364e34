using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Features.Relationships.Meetings;

internal sealed record MeetingDto(int Id, string Title, MeetingKind Kind, DateTime StartsAt, DateTime EndsAt, string? Location, MeetingStatus Status,
    IReadOnlyList<NamedRef> Agencies, IReadOnlyList<string> Agenda, IReadOnlyList<MeetingAttendeeDto> Attendees, string? Minutes, string? Decisions,
    DateTime? AgendaSentAt, int Version)
{
    public static MeetingDto From(Meeting m) => new(m.Id, m.Title, m.Kind, m.StartsAt, m.EndsAt, m.Location, m.Status,
        m.Agencies.Select(a => new NamedRef(a.AgencyId, a.Agency?.Name ?? "")).ToList(), m.AgendaItems.OrderBy(a => a.Position).Select(a => a.Text).ToList(),
        m.Attendees.Select(a => new MeetingAttendeeDto(a.PersonId, a.Person?.FullName ?? "", a.Attended)).ToList(), m.Minutes, m.Decisions, m.AgendaSentAt, m.Version);
}

internal sealed record MeetingAttendeeDto(int PersonId, string Name, bool Attended);

/// <summary>How many attendees a meeting's agenda went to.</summary>
internal sealed record AgendaSent(int SentTo);

internal static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/meetings").WithTags("Meetings");
        group.MapGet("/", ListMeetingsAsync).WithSummary("Meetings (when=upcoming|past|all, agencyId, kind, search)");
        group.MapGet("/export", ExportMeetingsAsync).WithSummary("Export the meetings as filtered (format=csv|xlsx; times in the organisation's zone)");
        group.MapGet("/{id:int}", MeetingAsync).WithSummary("One meeting with its agenda and attendees (times in UTC)");
        group.MapPost("/", PlanMeetingAsync).WithSummary("Plan a meeting; startsAt and endsAt are the organisation's local time, agenda is one item per line");
        group.MapPut("/{id:int}", EditMeetingAsync).WithSummary("Edit a meeting, or record it as held with attendance, minutes and decisions");
        group.MapPost("/{id:int}/send-agenda", SendAgendaAsync).WithSummary("Email the agenda and calendar file to the attendees now");
        group.MapGet("/{id:int}/ics", MeetingIcsAsync).WithSummary("The meeting as an iCalendar file");
        api.MapGet("/engagement", EngagementAsync).WithTags("Meetings")
            .WithSummary("Steering committees and help desk live sessions per fiscal quarter, with their reach, against the strategic plan's targets");
        return api;
    }

    private static async Task<Ok<PagedResult<MeetingRow>>> ListMeetingsAsync([AsParameters] MeetingListQuery query, ListMeetings meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.ListAsync(query, ct));

    private static Task<Results<Download, ProblemHttpResult>> ExportMeetingsAsync([AsParameters] MeetingListQuery query, string? format,
        ListMeetings meetings, CancellationToken ct) =>
        TableExport.AnswerAsync(format, f => meetings.ExportAsync(query, f, ct));

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

    private static async Task<Results<Ok<AgendaSent>, ProblemHttpResult>> SendAgendaAsync(int id, SendMeetingAgenda agenda, CancellationToken ct) =>
        (await agenda.SendAsync(id, ct)).ToOk(n => new AgendaSent(n));

    private static async Task<Results<CalendarDownload, ProblemHttpResult>> MeetingIcsAsync(int id, ManageMeetings meetings, MeetingCalendar calendar, CancellationToken ct)
    {
        var meeting = await meetings.GetAsync(id, ct);
        return meeting.IsOk ? new CalendarDownload(calendar.IcsOf(meeting.Value!), $"meeting-{id}.ics") : meeting.Problem();
    }

    private static async Task<Ok<IReadOnlyList<EngagementQuarter>>> EngagementAsync(int? quarters, CountEngagement counts, CancellationToken ct) =>
        TypedResults.Ok(await counts.LastQuartersAsync(Math.Clamp(quarters ?? 4, 1, 12), ct));
}
