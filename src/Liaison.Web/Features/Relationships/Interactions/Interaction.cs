using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Relationships.Interactions;

internal enum InteractionKind
{
    Meeting,
    Call,
    Email,
    SiteVisit,
    SteeringCommittee,
    HelpDeskLive,
    OpenHouse,
    Other,
}

/// <summary>A touch with an agency: who took part, what was said, what follows.</summary>
internal sealed class Interaction : IVersioned, ITimestamped, IAgencyOwned<Interaction>, ISearchable
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public DateOnly OccurredOn { get; set; }
    public InteractionKind Kind { get; set; }
    public string Subject { get; set; } = "";
    public string? Summary { get; set; }
    public string? FollowUp { get; set; }

    /// <summary>The provider's own notes; never shown to the agency's users.</summary>
    public string? InternalNotes { get; set; }

    /// <summary>Set when the interaction records a meeting.</summary>
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public List<InteractionAttendee> Attendees { get; } = [];
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static Expression<Func<Interaction, int?>> OwningAgency => i => i.AgencyId;

    public IEnumerable<string?> SearchWords() => [Subject, Summary];
}

/// <summary>Someone (agency contact or provider staff) who took part. The date is repeated so a contact's last touch is an index seek.</summary>
[Liaison.Web.Platform.Modules.AgencyHealthNeutral]
internal sealed class InteractionAttendee : IAuditedAsPartOf
{
    public int InteractionId { get; set; }
    public Interaction? Interaction { get; set; }
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public DateOnly OccurredOn { get; set; }

    public (string RecordType, string RecordId, string Field) AuditTarget =>
        (nameof(Interaction), InteractionId.ToString(System.Globalization.CultureInfo.InvariantCulture), "Attendees");

    public async Task<string> DescribeAsync(LiaisonDbContext db, CancellationToken ct) =>
        Person?.FullName ?? (await db.People.FindAsync([PersonId], ct))?.FullName ?? $"Person #{PersonId}";
}
