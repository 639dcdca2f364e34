using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

internal enum MeetingKind
{
    SteeringCommittee,
    MonthlyProgram,
    WeeklyProject,
    HelpDeskLive,
    OpenHouse,
    Other,
}

internal enum MeetingStatus
{
    Planned,
    Held,
    Cancelled,
}

/// <summary>A meeting with one agency or several: agenda, attendees, minutes, decisions and action items.</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class Meeting : IVersioned, ITimestamped, IAgencyShared<Meeting>, ISearchable
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public MeetingKind Kind { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public string? Location { get; set; }
    public MeetingStatus Status { get; set; }
    public string? Minutes { get; set; }
    public string? Decisions { get; set; }

    /// <summary>When the agenda last went to the attendees.</summary>
    public DateTime? AgendaSentAt { get; set; }

    /// <summary>Title and place, lower case: what the search index reads (set on every save).</summary>
    public string SearchText { get; set; } = "";

    public IEnumerable<string?> SearchWords() => [Title, Location];

    public List<MeetingAgency> Agencies { get; } = [];
    public List<MeetingAgendaItem> AgendaItems { get; } = [];
    public List<MeetingAttendee> Attendees { get; } = [];

    /// <summary>The attendees its mail and invitations go to: active, with an address (their people loaded).</summary>
    public IEnumerable<Person> MailRecipients() =>
        Attendees.Select(a => a.Person).OfType<Person>().Where(p => p.IsActive && !string.IsNullOrWhiteSpace(p.Email));
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static Expression<Func<Meeting, int, int?, bool>> VisibleToAgencyUser =>
        (m, agencyId, personId) => m.Agencies.Any(a => a.AgencyId == agencyId);
}

internal sealed class MeetingAgency : IAuditedAsPartOf
{
    public int MeetingId { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(Meeting), MeetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Agencies");

    public async Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        Agency?.Name ?? await db.Agencies.IgnoreQueryFilters().Where(a => a.Id == AgencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? $"Agency #{AgencyId}";
}

[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class MeetingAgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Position { get; set; }
    public string Text { get; set; } = "";
}

[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class MeetingAttendee : IAuditedAsPartOf
{
    public int MeetingId { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>Recorded once the meeting is held.</summary>
    public bool Attended { get; set; }

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(Meeting), MeetingId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Attendees");

    public async Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        Person?.FullName ?? (await db.People.FindAsync([PersonId], ct))?.FullName ?? $"Person #{PersonId}";
}
