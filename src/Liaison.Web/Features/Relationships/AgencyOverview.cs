using Liaison.Web.Features.ActionItems;
using Liaison.Web.Features.Interactions;
using Liaison.Web.Features.Meetings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

internal enum HealthLevel
{
    Good,
    Attention,
    Concern,
}

/// <summary>One line of an agency's relationship health: what it says, and how worrying it is.</summary>
internal sealed record HealthSignal(string Label, string Value, HealthLevel Level, string? Link = null);

/// <summary>A part of the relationship health summary. Modules add their own (portfolio, renewals, surveys, finance).</summary>
internal interface IAgencyHealthContributor
{
    int Order { get; }

    Task<IReadOnlyList<HealthSignal>> SignalsAsync(int agencyId, DateOnly today, CancellationToken ct);
}

internal sealed record RecentInteraction(int Id, DateOnly OccurredOn, InteractionKind Kind, string Subject, IReadOnlyList<string> Attendees);

internal sealed record OpenAction(int Id, string Title, string Owner, DateOnly? DueOn, ActionStatus Status);

internal sealed record UpcomingMeeting(int Id, string Title, MeetingKind Kind, DateTime StartsAt);

/// <summary>What the agency page joins: managers, the matrix with cadence, recent interactions, open actions, meetings, health.</summary>
internal sealed record AgencyRelationships(
    AgencyManagers Managers, IReadOnlyList<MatrixRow> Contacts, IReadOnlyList<RecentInteraction> Interactions,
    IReadOnlyList<OpenAction> OpenActions, IReadOnlyList<UpcomingMeeting> Meetings, IReadOnlyList<HealthSignal> Health);

internal sealed class GetAgencyRelationships(LiaisonDbContext db, ManageAssignments assignments, StakeholderMatrix matrix,
    IEnumerable<IAgencyHealthContributor> contributors, OrganisationClock clock, AccessRule access, DerivedCache cache)
{
    /// <summary>
    /// The agency page's relationships, kept for the user until the next save (or a minute): every module adds its
    /// part of the health summary, and the page is the one a manager returns to most. Null when the agency is not theirs to see.
    /// </summary>
    public Task<AgencyRelationships?> HandleAsync(int agencyId, CancellationToken ct) =>
        cache.GetAsync($"agency-relationships:{agencyId}:{access.User.Id}:{clock.Today:yyyy-MM-dd}",
            () => ComputeAsync(agencyId, ct));

    private async Task<AgencyRelationships?> ComputeAsync(int agencyId, CancellationToken ct)
    {
        var managers = await assignments.ForAgencyAsync(agencyId, ct);
        if (!managers.IsOk)
            return null;
        var contacts = (await matrix.ForAgencyAsync(agencyId, ct)).Value!;
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var latest = db.Interactions.AsNoTracking().Where(i => i.AgencyId == agencyId)
            .OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Take(10);
        var recent = await latest.Select(i => new { i.Id, i.OccurredOn, i.Kind, i.Subject }).ToListAsync(ct);
        // Attendees of those ten only (a subquery, not a list of ids, so EF's SQL is generated once): asked together,
        // the database would join every attendee of every interaction first.
        var attendees = await db.InteractionAttendees.AsNoTracking().Where(a => latest.Select(i => i.Id).Contains(a.InteractionId))
            .Join(db.People.IgnoreQueryFilters(), a => a.PersonId, p => p.Id, (a, p) => new { a.InteractionId, Name = p.FirstName + " " + p.LastName })
            .ToListAsync(ct);
        var interactions = recent.Select(i => new RecentInteraction(i.Id, i.OccurredOn, i.Kind, i.Subject,
            attendees.Where(a => a.InteractionId == i.Id).Select(a => a.Name).ToList())).ToList();
        var actions = await db.ActionItems.AsNoTracking().Where(a => a.AgencyId == agencyId && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))
            .OrderBy(a => a.DueOn == null).ThenBy(a => a.DueOn).Take(25)
            .Select(a => new OpenAction(a.Id, a.Title, a.Owner!.FirstName + " " + a.Owner.LastName, a.DueOn, a.Status)).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.EndsAt >= now && m.Status == MeetingStatus.Planned && m.Agencies.Any(a => a.AgencyId == agencyId))
            .OrderBy(m => m.StartsAt).Take(10).Select(m => new UpcomingMeeting(m.Id, m.Title, m.Kind, m.StartsAt)).ToListAsync(ct);
        var health = new List<HealthSignal>();
        foreach (var contributor in contributors.OrderBy(c => c.Order))
            health.AddRange(await contributor.SignalsAsync(agencyId, today, ct));
        return new AgencyRelationships(managers.Value!, contacts, interactions, actions, meetings, health);
    }
}

/// <summary>The relationships module's part of an agency's health: coverage, cadence, last touch, late actions.</summary>
internal sealed class RelationshipHealth(LiaisonDbContext db, ManageAssignments assignments, StakeholderMatrix matrix) : IAgencyHealthContributor
{
    public int Order => 10;

    public async Task<IReadOnlyList<HealthSignal>> SignalsAsync(int agencyId, DateOnly today, CancellationToken ct)
    {
        var signals = new List<HealthSignal>();
        var managers = (await assignments.ForAgencyAsync(agencyId, ct)).Value;
        signals.Add(managers?.Primary is not null
            ? managers.Backup is not null
                ? new HealthSignal("Coverage", "Primary and backup assigned", HealthLevel.Good)
                : new HealthSignal("Coverage", "No backup: one deep", HealthLevel.Attention, "/Coverage")
            : new HealthSignal("Coverage", "No relationship manager", HealthLevel.Concern, "/Coverage"));

        var rows = (await matrix.ForAgencyAsync(agencyId, ct)).Value ?? [];
        var tracked = rows.Count(r => r.Cadence != CadenceState.NotTracked);
        var overdue = rows.Count(r => r.Cadence == CadenceState.Overdue);
        signals.Add(tracked == 0
            ? new HealthSignal("Contact cadence", "No contact has a frequency in the matrix", HealthLevel.Attention)
            : new HealthSignal("Contact cadence", overdue == 0 ? $"All {tracked} tracked contacts on schedule" : $"{overdue} of {tracked} contacts overdue",
                overdue == 0 ? HealthLevel.Good : overdue * 3 >= tracked ? HealthLevel.Concern : HealthLevel.Attention));

        var last = await db.Interactions.AsNoTracking().Where(i => i.AgencyId == agencyId)
            .OrderByDescending(i => i.OccurredOn).Select(i => (DateOnly?)i.OccurredOn).FirstOrDefaultAsync(ct);
        signals.Add(last is { } date
            ? new HealthSignal("Last interaction", $"{date:yyyy-MM-dd} ({today.DayNumber - date.DayNumber} days ago)",
                today.DayNumber - date.DayNumber > 60 ? HealthLevel.Concern : today.DayNumber - date.DayNumber > 31 ? HealthLevel.Attention : HealthLevel.Good)
            : new HealthSignal("Last interaction", "None recorded", HealthLevel.Concern));

        var late = await db.ActionItems.AsNoTracking().CountAsync(a => a.AgencyId == agencyId && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn < today, ct);
        signals.Add(new HealthSignal("Action items", late == 0 ? "None late" : $"{late} late", late == 0 ? HealthLevel.Good : HealthLevel.Attention,
            $"/ActionItems?agencyId={agencyId}&due=late"));
        return signals;
    }
}
