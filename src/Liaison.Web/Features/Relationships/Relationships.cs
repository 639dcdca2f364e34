using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Relationships;

internal enum AssignmentRole
{
    Primary,
    Backup,
}

/// <summary>A relationship manager's assignment to an agency, as primary or backup, from one date to another.</summary>
internal sealed class AgencyAssignment : IVersioned, ITimestamped, IAgencyOwned<AgencyAssignment>
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public int UserId { get; set; }
    public User? User { get; set; }
    public AssignmentRole Role { get; set; }
    public DateOnly StartedOn { get; set; }

    /// <summary>Null while the assignment holds.</summary>
    public DateOnly? EndedOn { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static Expression<Func<AgencyAssignment, int?>> OwningAgency => a => a.AgencyId;
}

/// <summary>Priority of a stakeholder in the engagement plan.</summary>
internal enum Priority
{
    H,
    M,
    L,
}

/// <summary>Impact in the engagement plan: A monitor, B work closely, C keep informed.</summary>
internal enum Impact
{
    A,
    B,
    C,
}

/// <summary>How often to engage: weekly, semi-monthly, monthly, quarterly, as needed, as requested.</summary>
internal enum Frequency
{
    W,
    S,
    M,
    Q,
    AN,
    AR,
}

/// <summary>Methods of engagement: report, face to face, presentation, email, phone call, shared site, website.</summary>
[Flags]
internal enum Methods
{
    None = 0,
    R = 1,
    F = 2,
    P = 4,
    E = 8,
    C = 16,
    S = 32,
    W = 64,
}

/// <summary>
/// An agency contact's line in the stakeholder matrix (the engagement plan's codes and role flags),
/// and when they were last touched. Owned by the relationships module; the person stays the
/// directory's.
/// </summary>
internal sealed class StakeholderProfile : IVersioned, ITimestamped, IAgencyOwned<StakeholderProfile>
{
    public int PersonId { get; set; }
    public Person? Person { get; set; }
    public Priority? Priority { get; set; }
    public Impact? Impact { get; set; }
    public Frequency? Frequency { get; set; }
    public Methods Methods { get; set; }
    public bool IsAgencyExecutive { get; set; }
    public bool IsKeyStakeholder { get; set; }
    public bool IsImplementationCoordinator { get; set; }

    /// <summary>The date of the last interaction that included this contact; kept by the interactions use cases.</summary>
    [VersionNeutral]
    [NotAudited]
    public DateOnly? LastTouchOn { get; set; }

    /// <summary>
    /// The day the next touch falls due, kept on save (<see cref="ContactTracking"/>) so "who is due" is an index range:
    /// null when the frequency tracks none, <see cref="DateOnly.MinValue"/> when never touched (due at once, first in line).
    /// </summary>
    [VersionNeutral]
    [NotAudited]
    public DateOnly? NextDueOn { get; set; }

    /// <summary>The agency whose relationship managers should keep in touch: the person's agency while they are active, else null. Kept on save.</summary>
    [VersionNeutral]
    [NotAudited]
    public int? TrackedAgencyId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public static Expression<Func<StakeholderProfile, int?>> OwningAgency => p => p.Person!.AgencyId;
}
