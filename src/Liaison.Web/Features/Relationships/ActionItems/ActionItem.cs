using System.Linq.Expressions;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Data;

namespace Liaison.Web.Features.Relationships.ActionItems;

internal enum ActionStatus
{
    Open,
    InProgress,
    Done,
    Cancelled,
}

/// <summary>Something someone promised: owner (staff or agency contact), due date, status; from a meeting, an interaction, or on its own.</summary>
internal sealed class ActionItem : IVersioned, ITimestamped, IAgencyShared<ActionItem>, ISearchable
{
    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string Title { get; set; } = "";
    public string? Details { get; set; }
    public int OwnerPersonId { get; set; }
    public Person? Owner { get; set; }
    public DateOnly? DueOn { get; set; }
    public ActionStatus Status { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public int? MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? InteractionId { get; set; }
    public Interaction? Interaction { get; set; }
    public string SearchText { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public int Version { get; set; }

    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;

    /// <summary>An agency user sees the items of their agency that are assigned to them.</summary>
    public static Expression<Func<ActionItem, int, int?, bool>> VisibleToAgencyUser =>
        (a, agencyId, personId) => a.AgencyId == agencyId && a.OwnerPersonId == personId;

    public IEnumerable<string?> SearchWords() => [Title, Details];
}
