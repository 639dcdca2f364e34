using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using FluentValidation;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

internal sealed class MeetingInput : IVersionedInput
{
    [Display(Name = "Title")]
    public string Title { get; set => field = value ?? ""; } = "";

    [Display(Name = "Kind")]
    public MeetingKind Kind { get; set; } = MeetingKind.MonthlyProgram;

    /// <summary>Local time of the organisation.</summary>
    [Display(Name = "Starts")]
    public DateTime? StartsAt { get; set; }

    [Display(Name = "Ends")]
    public DateTime? EndsAt { get; set; }

    [Display(Name = "Location or link")]
    public string? Location { get; set; }

    [Display(Name = "Agencies")]
    [MaxItems(500)]
    public List<int> AgencyIds { get; set => field = value ?? []; } = [];

    [Display(Name = "Attendees")]
    [MaxItems(500)]
    public List<int> AttendeeIds { get; set => field = value ?? []; } = [];

    /// <summary>One agenda item per line.</summary>
    [DataType(DataType.MultilineText)]
    [Display(Name = "Agenda")]
    public string? Agenda { get; set; }

    [Display(Name = "Status")]
    public MeetingStatus Status { get; set; } = MeetingStatus.Planned;

    [Display(Name = "Who attended")]
    [MaxItems(500)]
    public List<int> AttendedIds { get; set => field = value ?? []; } = [];

    [DataType(DataType.MultilineText)]
    [Display(Name = "Minutes")]
    public string? Minutes { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Decisions")]
    public string? Decisions { get; set; }

    public int? Version { get; set; }

    public static MeetingInput From(Meeting m, OrganisationClock time) => new()
    {
        Title = m.Title,
        Kind = m.Kind,
        StartsAt = time.ToLocal(m.StartsAt),
        EndsAt = time.ToLocal(m.EndsAt),
        Location = m.Location,
        AgencyIds = m.Agencies.Select(a => a.AgencyId).Order().ToList(),
        AttendeeIds = m.Attendees.Select(a => a.PersonId).Order().ToList(),
        AttendedIds = m.Attendees.Where(a => a.Attended).Select(a => a.PersonId).Order().ToList(),
        Agenda = string.Join("\n", m.AgendaItems.OrderBy(a => a.Position).Select(a => a.Text)),
        Status = m.Status,
        Minutes = m.Minutes,
        Decisions = m.Decisions,
        Version = m.Version,
    };

    [MaxItems(100, Field = nameof(Agenda))]
    public IReadOnlyList<string> AgendaLines => (Agenda ?? "").Split('\n').Select(l => l.Trim().TrimStart('-', '*', '•').Trim()).Where(l => l.Length > 0).ToList();
}

internal sealed class MeetingInputValidator : AbstractValidator<MeetingInput>
{
    public static readonly MeetingInputValidator Instance = new();

    public MeetingInputValidator()
    {
        RuleFor(m => m.Title).NotEmpty().WithMessage("Enter the meeting's title.").MaximumLength(200);
        RuleFor(m => m.Kind).IsInEnum();
        RuleFor(m => m.StartsAt).NotNull().WithMessage("Enter when the meeting starts.");
        RuleFor(m => m.EndsAt).NotNull().WithMessage("Enter when the meeting ends.")
            .GreaterThan(m => m.StartsAt).When(m => m.StartsAt is not null).WithMessage("The meeting must end after it starts.");
        RuleFor(m => m.AgencyIds).NotEmpty().WithMessage("Choose the agency or agencies the meeting is with.");
        RuleFor(m => m.Location).MaximumLength(300);
        RuleFor(m => m.Agenda).MaximumLength(20000);
        RuleForEach(m => m.AgendaLines).MaximumLength(1000).OverridePropertyName(nameof(MeetingInput.Agenda));
        RuleFor(m => m.Minutes).MaximumLength(20000);
        RuleFor(m => m.Decisions).MaximumLength(8000);
    }
}

internal sealed record MeetingListQuery(
    string? Search = null,
    int? AgencyId = null,
    MeetingKind? Kind = null,
    string? When = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record MeetingRow(int Id, string Title, MeetingKind Kind, DateTime StartsAt, MeetingStatus Status, IReadOnlyList<string> Agencies, int AttendeeCount);

/// <summary>Meetings: plan, edit, record as held, send the agenda, and offer them as calendar events.</summary>
internal sealed class ManageMeetings(LiaisonDbContext db, AccessRule access, OrganisationClock time, Outbox outbox,
    SiteSettings settings, ListCounts counts, PublicUrls urls)
{
    public async Task<PagedResult<MeetingRow>> ListAsync(MeetingListQuery query, CancellationToken ct)
    {
        var now = time.UtcNow;
        var meetings = db.Meetings.AsNoTracking();
        var past = string.Equals(query.When, "past", StringComparison.OrdinalIgnoreCase);
        meetings = (query.When ?? "upcoming").ToLowerInvariant() switch
        {
            "past" => meetings.Where(m => m.StartsAt < now),
            "all" => meetings,
            _ => meetings.Where(m => m.EndsAt >= now),
        };
        if (query.AgencyId is { } agencyId)
            meetings = meetings.Where(m => m.Agencies.Any(a => a.AgencyId == agencyId));
        if (query.Kind is { } kind)
            meetings = meetings.Where(m => m.Kind == kind);
        if (Paging.SearchPattern(query.Search) is { } term)
            meetings = meetings.Where(m => m.Title.ToLower().Contains(term));
        var ordered = past ? meetings.OrderByDescending(m => m.StartsAt).ThenBy(m => m.Id) : meetings.OrderBy(m => m.StartsAt).ThenBy(m => m.Id);
        var page = await ordered.Select(m => new
        {
            m.Id,
            m.Title,
            m.Kind,
            m.StartsAt,
            m.Status,
            Agencies = m.Agencies.Select(a => a.Agency!.Acronym ?? a.Agency.Name).ToList(),
            Attendees = m.Attendees.Count,
        }).ToPageAsync(query, ct, counts);
        return new PagedResult<MeetingRow>(page.Items.Select(m => new MeetingRow(m.Id, m.Title, m.Kind, m.StartsAt, m.Status, m.Agencies, m.Attendees)).ToList(),
            page.Page, page.PageSize, page.TotalCount);
    }

    public async Task<Result<Meeting>> GetAsync(int id, CancellationToken ct)
    {
        var meeting = await access.FindAsync(db.Meetings.AsNoTracking().AsSplitQuery()
            .Include(m => m.Agencies).ThenInclude(a => a.Agency)
            .Include(m => m.AgendaItems)
            .Include(m => m.Attendees).ThenInclude(a => a.Person).ThenInclude(p => p!.Agency), id, ct);
        return meeting is null ? Result<Meeting>.NotFound() : Result<Meeting>.Ok(meeting);
    }

    /// <summary>Administrators, and relationship managers of at least one of the meeting's agencies (the access rule decides).</summary>
    public Task<bool> CanEditAsync(IEnumerable<int> agencyIds, CancellationToken ct) => access.CanEditSharedRecordAsync(agencyIds, ct);

    public async Task<Result<Meeting>> CreateAsync(MeetingInput input, CancellationToken ct)
    {
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Meeting>.Invalid(errors);
        if (!await CanEditAsync(input.AgencyIds, ct))
            return Result<Meeting>.Forbidden();
        var meeting = new Meeting();
        Apply(input, meeting);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return Result<Meeting>.Ok(meeting);
    }

    public async Task<Result<Meeting>> UpdateAsync(int id, MeetingInput input, CancellationToken ct)
    {
        var meeting = await access.FindAsync(db.Meetings.AsSplitQuery().Include(m => m.Agencies).Include(m => m.AgendaItems).Include(m => m.Attendees), id, ct);
        if (meeting is null)
            return Result<Meeting>.NotFound();
        if (!await CanEditAsync(meeting.Agencies.Select(a => a.AgencyId), ct))
            return Result<Meeting>.Forbidden();
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Meeting>.Invalid(errors);
        return await Edits.SaveAsync(db, meeting, input.Version ?? 0, input, m => MeetingInput.From(m, time), m => Apply(input, m), nameof(Meeting), id, ct);
    }

    private void Apply(MeetingInput input, Meeting m)
    {
        m.Title = input.Title.Trim();
        m.Kind = input.Kind;
        m.StartsAt = time.ToUtc(input.StartsAt!.Value);
        m.EndsAt = time.ToUtc(input.EndsAt!.Value);
        m.Location = Validation.Clean(input.Location);
        m.Status = input.Status;
        m.Minutes = Validation.Clean(input.Minutes);
        m.Decisions = Validation.Clean(input.Decisions);
        var agencies = input.AgencyIds.Distinct().ToHashSet();
        m.Agencies.RemoveAll(a => !agencies.Contains(a.AgencyId));
        foreach (var id in agencies.Where(id => m.Agencies.All(a => a.AgencyId != id)))
            m.Agencies.Add(new MeetingAgency { MeetingId = m.Id, AgencyId = id });
        var attendees = input.AttendeeIds.Union(input.AttendedIds).Distinct().ToHashSet();
        m.Attendees.RemoveAll(a => !attendees.Contains(a.PersonId));
        foreach (var id in attendees.Where(id => m.Attendees.All(a => a.PersonId != id)))
            m.Attendees.Add(new MeetingAttendee { MeetingId = m.Id, PersonId = id });
        foreach (var a in m.Attendees)
            a.Attended = input.AttendedIds.Contains(a.PersonId);
        var lines = input.AgendaLines;
        if (!m.AgendaItems.OrderBy(a => a.Position).Select(a => a.Text).SequenceEqual(lines))
        {
            m.AgendaItems.Clear();
            for (var i = 0; i < lines.Count; i++)
                m.AgendaItems.Add(new MeetingAgendaItem { MeetingId = m.Id, Position = i + 1, Text = lines[i] });
        }
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(MeetingInput input, CancellationToken ct)
    {
        var errors = Validation.Check(MeetingInputValidator.Instance, input) ?? [];
        var agencyIds = input.AgencyIds.Distinct().ToList();
        // What the database is asked about only lists within their bounds (a 40,000-item list is refused above, not sent).
        var listsInBounds = !errors.ContainsKey(nameof(MeetingInput.AgencyIds)) && !errors.ContainsKey(nameof(MeetingInput.AttendeeIds))
            && !errors.ContainsKey(nameof(MeetingInput.AttendedIds));
        if (listsInBounds && agencyIds.Count > 0 && await db.Agencies.CountAsync(a => agencyIds.Contains(a.Id), ct) != agencyIds.Count)
            errors[nameof(MeetingInput.AgencyIds)] = ["Choose agencies from the list."];
        var people = input.AttendeeIds.Union(input.AttendedIds).Distinct().ToList();
        if (listsInBounds && people.Count > 0 && await db.People.CountAsync(p => people.Contains(p.Id)
                && (p.Kind == PersonKind.ProviderStaff || (p.AgencyId != null && agencyIds.Contains(p.AgencyId.Value))), ct) != people.Count)
            errors[nameof(MeetingInput.AttendeeIds)] = ["Attendees are contacts of the meeting's agencies or the provider's staff."];
        if (input.Status == MeetingStatus.Held && input.StartsAt is { } starts && time.ToUtc(starts) > time.UtcNow)
            errors[nameof(MeetingInput.Status)] = ["A meeting can be recorded as held once it has started."];
        return errors.Count == 0 ? null : errors;
    }

    /// <summary>
    /// Emails the agenda, with the meeting as a calendar file, to every attendee who has an email address: when a manager
    /// asks (again, if they like), or <paramref name="automatic"/>ally ahead of the meeting, which sends it once however
    /// many instances try.
    /// </summary>
    public async Task<Result<int>> SendAgendaAsync(int id, CancellationToken ct, bool automatic = false)
    {
        var result = await GetAsync(id, ct);
        if (!result.IsOk)
            return result.Cast<int>();
        var meeting = result.Value!;
        if (!automatic && !await CanEditAsync(meeting.Agencies.Select(a => a.AgencyId), ct))
            return Result<int>.Forbidden();
        var recipients = meeting.Attendees.Select(a => a.Person!).Where(p => p.IsActive && !string.IsNullOrWhiteSpace(p.Email)).ToList();
        if (recipients.Count == 0)
            return Result<int>.Invalid("", "No attendee has an email address to send the agenda to.");
        var organisation = (await settings.GetAsync(ct)).OrganisationName;
        var ics = Encoding.UTF8.GetBytes(IcsOf(meeting));
        var agenda = meeting.AgendaItems.OrderBy(a => a.Position).Select((a, i) => $"{i + 1}. {a.Text}").ToList();
        var when = time.Format(meeting.StartsAt);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{meeting.Title}")
            .AppendLine(CultureInfo.InvariantCulture, $"When: {when} ({time.Zone.Id})")
            .AppendLine(CultureInfo.InvariantCulture, $"Where: {meeting.Location ?? "to be confirmed"}")
            .AppendLine(CultureInfo.InvariantCulture, $"With: {string.Join(", ", meeting.Agencies.Select(a => a.Agency!.Name))}")
            .AppendLine()
            .AppendLine("Agenda")
            .AppendLine(agenda.Count == 0 ? "(to follow)" : string.Join("\n", agenda))
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"The attached calendar file adds the meeting to your calendar. — {organisation}")
            .ToString();
        await using var write = await db.BeginWriteAsync(ct);
        // Claimed in the same transaction as the mail is queued: a second sender (another instance) finds it claimed.
        var claimed = await db.Meetings.Where(m => m.Id == id && (!automatic || m.AgendaSentAt == null))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.AgendaSentAt, time.UtcNow), ct);
        if (claimed == 0)
            return Result<int>.Ok(0);
        foreach (var person in recipients)
            outbox.Enqueue(person.Email!, $"Agenda: {meeting.Title}, {when}", body, attachment: ($"meeting-{meeting.Id}.ics", "text/calendar; charset=utf-8", ics));
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return Result<int>.Ok(recipients.Count);
    }

    /// <summary>Planned meetings starting within the lead time whose agenda has not gone out: the agenda mailer's work.</summary>
    public Task<List<int>> AgendasDueAsync(TimeSpan lead, CancellationToken ct)
    {
        var now = time.UtcNow;
        var until = now + lead;
        return db.Meetings.AsNoTracking().IgnoreQueryFilters()
            .Where(m => m.Status == MeetingStatus.Planned && m.AgendaSentAt == null && m.StartsAt > now && m.StartsAt <= until && m.AgendaItems.Any())
            .Select(m => m.Id).ToListAsync(ct);
    }

    /// <summary>The meeting as an iCalendar file, in the organisation's time zone.</summary>
    public string IcsOf(Meeting meeting) => CalendarFile.Write(meeting.Title, [EventOf(meeting)], time.IanaZoneId);

    public CalendarEvent EventOf(Meeting m)
    {
        var host = urls.Host;
        var agenda = string.Join("\n", m.AgendaItems.OrderBy(a => a.Position).Select((a, i) => $"{i + 1}. {a.Text}"));
        return new CalendarEvent($"meeting-{m.Id}@{host}", m.Title, m.StartsAt, m.EndsAt, null, m.Location,
            agenda.Length == 0 ? null : "Agenda\n" + agenda, m.Status == MeetingStatus.Cancelled, m.Version, m.UpdatedAt);
    }
}

internal static class MeetingKinds
{
    public static string Label(MeetingKind kind) => kind switch
    {
        MeetingKind.SteeringCommittee => "Steering committee",
        MeetingKind.MonthlyProgram => "Monthly program meeting",
        MeetingKind.WeeklyProject => "Weekly project meeting",
        MeetingKind.HelpDeskLive => "Help desk live",
        MeetingKind.OpenHouse => "Open house",
        _ => "Other",
    };
}
