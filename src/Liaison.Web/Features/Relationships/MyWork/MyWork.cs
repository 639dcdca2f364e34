using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.MyWork;

/// <summary>Contacts of my agencies whose next touch is overdue or due within a week.</summary>
internal sealed class ContactsDueSource(LiaisonDbContext db) : IMyWorkSource
{
    public string Key => "contacts";
    public string Section => "Contacts to get in touch with";
    public int Order => 10;
    public string Empty => "Every contact of your agencies is on schedule.";

    public async Task<MyWorkPart> ItemsAsync(MyWorkScope scope, int limit, CancellationToken ct)
    {
        if (scope.Agencies.Count == 0)
            return MyWorkPart.None;
        var soon = scope.Today.AddDays(Cadence.DueSoonDays);
        // Overdue or due within a week: one range of the (TrackedAgencyId, NextDueOn) index per agency, for the count
        // and for the most urgent few (never touched first, as their key is the earliest date). The agencies are the
        // user's own assignments, so the access rule's join to each contact's person adds nothing but a lookup per row.
        var agencyIds = scope.AgencyIds;
        var due = db.StakeholderProfiles.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.TrackedAgencyId != null && agencyIds.Contains(p.TrackedAgencyId.Value) && p.NextDueOn != null && p.NextDueOn <= soon);
        var total = await due.CountAsync(ct);
        if (total == 0)
            return MyWorkPart.None;
        var top = await due.OrderBy(p => p.NextDueOn).ThenBy(p => p.PersonId).Take(limit)
            .Select(p => new { p.PersonId, p.Frequency, p.LastTouchOn, p.Person!.FirstName, p.Person.LastName, p.Person.Title, Agency = p.Person.Agency!.Name })
            .ToListAsync(ct);
        return new MyWorkPart(top.Select(r =>
        {
            var state = Cadence.State(r.Frequency, r.LastTouchOn, scope.Today);
            var last = r.LastTouchOn is { } d ? $"last touched {d:yyyy-MM-dd}" : "never touched";
            return new MyWorkItem($"{r.FirstName} {r.LastName}", $"{r.Title ?? "Contact"} · {StakeholderCodes.Describe(r.Frequency!.Value).ToLowerInvariant()}, {last}",
                $"/People/Details/{r.PersonId}", state == CadenceState.Overdue ? Urgency.Late : Urgency.Due,
                Cadence.NextDue(r.Frequency, r.LastTouchOn, scope.Today), r.Agency);
        }).ToList(), total);
    }
}

/// <summary>Open action items I own, or of my agencies, that are late or due within a week.</summary>
internal sealed class ActionItemsDueSource(LiaisonDbContext db) : IMyWorkSource
{
    public string Key => "actions";
    public string Section => "Action items due";
    public int Order => 20;
    public string Empty => "No action item of yours is late or due this week.";

    public async Task<MyWorkPart> ItemsAsync(MyWorkScope scope, int limit, CancellationToken ct)
    {
        var soon = scope.Today.AddDays(7);
        IQueryable<ActionItem> Due(IQueryable<ActionItem> items) => items.AsNoTracking()
            .Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn != null && a.DueOn <= soon);
        // Mine, and my agencies'. The most urgent few: one walk of the (Status, DueOn) index that stops when it has them.
        // The total: my agencies' (an index-only count) plus mine elsewhere; one count of the OR would walk every due item.
        var me = scope.PersonId ?? -1;
        var agencyIds = scope.AgencyIds;
        var total = await Due(db.ActionItems.Where(a => agencyIds.Contains(a.AgencyId))).CountAsync(ct)
            + await Due(db.ActionItems.Where(a => a.OwnerPersonId == me && !agencyIds.Contains(a.AgencyId))).CountAsync(ct);
        if (total == 0)
            return MyWorkPart.None;
        var rows = await Due(db.ActionItems.Where(a => a.OwnerPersonId == me || agencyIds.Contains(a.AgencyId)))
            .OrderBy(a => a.DueOn).ThenBy(a => a.Id).Take(limit)
            .Select(a => new { a.Id, a.Title, a.DueOn, Owner = a.Owner!.FirstName + " " + a.Owner.LastName, Agency = a.Agency!.Name })
            .ToListAsync(ct);
        return new MyWorkPart(rows.Select(r => new MyWorkItem(r.Title, $"Owner: {r.Owner}", $"/ActionItems/Details/{r.Id}",
            r.DueOn < scope.Today ? Urgency.Late : Urgency.Due, r.DueOn, r.Agency)).ToList(), total);
    }
}

/// <summary>Meetings in the next two weeks that I attend or that are with my agencies.</summary>
internal sealed class UpcomingMeetingsSource(LiaisonDbContext db, OrganisationClock time) : IMyWorkSource
{
    public string Key => "meetings";
    public string Section => "Upcoming meetings";
    public int Order => 30;
    public string Empty => "No meeting in the next two weeks.";

    public async Task<MyWorkPart> ItemsAsync(MyWorkScope scope, int limit, CancellationToken ct)
    {
        var now = time.UtcNow;
        var until = now.AddDays(14);
        var upcoming = db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= now && m.StartsAt <= until)
            .Where(m => m.Attendees.Any(a => a.PersonId == scope.PersonId) || m.Agencies.Any(a => scope.AgencyIds.Contains(a.AgencyId)));
        var total = await upcoming.CountAsync(ct);
        if (total == 0)
            return MyWorkPart.None;
        var rows = await upcoming.OrderBy(m => m.StartsAt).ThenBy(m => m.Id).Take(limit)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.Kind, m.AgendaSentAt, Agencies = m.Agencies.Select(a => a.Agency!.Acronym ?? a.Agency.Name).ToList() })
            .ToListAsync(ct);
        return new MyWorkPart(rows.Select(r => new MyWorkItem(r.Title, $"{time.Format(r.StartsAt)} · {MeetingKinds.Label(r.Kind)}{(r.AgendaSentAt is null ? " · agenda not sent yet" : "")}",
            $"/Meetings/Details/{r.Id}", Urgency.Upcoming, time.DateOf(r.StartsAt), string.Join(", ", r.Agencies))).ToList(), total);
    }
}
