using Liaison.Web.Features.ActionItems;
using Liaison.Web.Features.Meetings;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.MyWork;

internal enum Urgency
{
    Late,
    Due,
    Upcoming,
}

/// <summary>One thing on someone's plate, as a section of "My work" lists it.</summary>
internal sealed record MyWorkItem(string Title, string Detail, string Link, Urgency Urgency, DateOnly? When, string? Agency);

/// <summary>A section of "My work". Each module contributes its own (register with AddScoped&lt;IMyWorkSource, ...&gt;).</summary>
internal interface IMyWorkSource
{
    string Section { get; }

    /// <summary>Sections appear in this order.</summary>
    int Order { get; }

    /// <summary>Shown when the section has nothing: the reassurance that nothing is waiting.</summary>
    string Empty { get; }

    Task<IReadOnlyList<MyWorkItem>> ItemsAsync(MyWorkScope scope, CancellationToken ct);
}

/// <summary>Whose work: the user, their directory entry, the agencies they manage, and today.</summary>
internal sealed record MyWorkScope(int UserId, int? PersonId, IReadOnlySet<int> Agencies, DateOnly Today);

internal sealed record MyWorkSection(string Title, string Empty, IReadOnlyList<MyWorkItem> Items);

internal sealed class GetMyWork(IEnumerable<IMyWorkSource> sources, AccessRule access, TimeProvider clock)
{
    public async Task<IReadOnlyList<MyWorkSection>> HandleAsync(CancellationToken ct)
    {
        var scope = new MyWorkScope(access.User.Id ?? -1, access.User.PersonId, await access.AssignedAgenciesAsync(ct), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        var sections = new List<MyWorkSection>();
        foreach (var source in sources.OrderBy(s => s.Order))
            sections.Add(new MyWorkSection(source.Section, source.Empty, await source.ItemsAsync(scope, ct)));
        return sections;
    }
}

/// <summary>Contacts of my agencies whose next touch is overdue or due within a week.</summary>
internal sealed class ContactsDueSource(LiaisonDbContext db) : IMyWorkSource
{
    public string Section => "Contacts to get in touch with";
    public int Order => 10;
    public string Empty => "Every contact of your agencies is on schedule.";

    public async Task<IReadOnlyList<MyWorkItem>> ItemsAsync(MyWorkScope scope, CancellationToken ct)
    {
        if (scope.Agencies.Count == 0)
            return [];
        var agencies = scope.Agencies.ToList();
        var soon = scope.Today.AddDays(Cadence.DueSoonDays);
        // Due soon or overdue means: last touch + interval <= today + a week, per frequency, or never touched.
        var w = soon.AddDays(-Cadence.IntervalDays(Frequency.W)!.Value);
        var s = soon.AddDays(-Cadence.IntervalDays(Frequency.S)!.Value);
        var m = soon.AddDays(-Cadence.IntervalDays(Frequency.M)!.Value);
        var q = soon.AddDays(-Cadence.IntervalDays(Frequency.Q)!.Value);
        var rows = await db.StakeholderProfiles.AsNoTracking()
            .Where(p => p.Person!.IsActive && p.Person.AgencyId != null && agencies.Contains(p.Person.AgencyId.Value))
            .Where(p => (p.Frequency == Frequency.W && (p.LastTouchOn == null || p.LastTouchOn <= w))
                || (p.Frequency == Frequency.S && (p.LastTouchOn == null || p.LastTouchOn <= s))
                || (p.Frequency == Frequency.M && (p.LastTouchOn == null || p.LastTouchOn <= m))
                || (p.Frequency == Frequency.Q && (p.LastTouchOn == null || p.LastTouchOn <= q)))
            .Select(p => new { p.PersonId, p.Person!.FirstName, p.Person.LastName, p.Person.Title, p.Frequency, p.LastTouchOn, Agency = p.Person.Agency!.Name })
            .ToListAsync(ct);
        return rows.Select(r =>
            {
                var due = Cadence.NextDue(r.Frequency, r.LastTouchOn, scope.Today);
                var state = Cadence.State(r.Frequency, r.LastTouchOn, scope.Today);
                var last = r.LastTouchOn is { } d ? $"last touched {d:yyyy-MM-dd}" : "never touched";
                return new MyWorkItem($"{r.FirstName} {r.LastName}", $"{r.Title ?? "Contact"} · {StakeholderCodes.Describe(r.Frequency!.Value).ToLowerInvariant()}, {last}",
                    $"/People/Details/{r.PersonId}", state == CadenceState.Overdue ? Urgency.Late : Urgency.Due, due, r.Agency);
            })
            .OrderBy(i => i.Urgency).ThenBy(i => i.When).ToList();
    }
}

/// <summary>Open action items I own, or of my agencies, that are late or due within a week.</summary>
internal sealed class ActionItemsDueSource(LiaisonDbContext db) : IMyWorkSource
{
    public string Section => "Action items due";
    public int Order => 20;
    public string Empty => "No action item of yours is late or due this week.";

    public async Task<IReadOnlyList<MyWorkItem>> ItemsAsync(MyWorkScope scope, CancellationToken ct)
    {
        var agencies = scope.Agencies.ToList();
        var soon = scope.Today.AddDays(7);
        IQueryable<ActionItem> Due(IQueryable<ActionItem> items) => items.AsNoTracking()
            .Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueOn != null && a.DueOn <= soon);
        // Mine, and my agencies': two queries that each follow an index, rather than one OR that follows none.
        var mine = scope.PersonId is { } me ? Due(db.ActionItems.Where(a => a.OwnerPersonId == me)) : db.ActionItems.Where(_ => false);
        var theirs = Due(db.ActionItems.Where(a => agencies.Contains(a.AgencyId)));
        var rows = (await mine.Union(theirs).OrderBy(a => a.DueOn).Take(100)
            .Select(a => new { a.Id, a.Title, a.DueOn, Owner = a.Owner!.FirstName + " " + a.Owner.LastName, Agency = a.Agency!.Name })
            .ToListAsync(ct));
        return rows.Select(r => new MyWorkItem(r.Title, $"Owner: {r.Owner}", $"/ActionItems/Details/{r.Id}",
            r.DueOn < scope.Today ? Urgency.Late : Urgency.Due, r.DueOn, r.Agency)).ToList();
    }
}

/// <summary>Meetings in the next two weeks that I attend or that are with my agencies.</summary>
internal sealed class UpcomingMeetingsSource(LiaisonDbContext db, TimeProvider clock, OrganisationTime time) : IMyWorkSource
{
    public string Section => "Upcoming meetings";
    public int Order => 30;
    public string Empty => "No meeting in the next two weeks.";

    public async Task<IReadOnlyList<MyWorkItem>> ItemsAsync(MyWorkScope scope, CancellationToken ct)
    {
        var agencies = scope.Agencies.ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddDays(14);
        var rows = await db.Meetings.AsNoTracking()
            .Where(m => m.Status == MeetingStatus.Planned && m.StartsAt >= now && m.StartsAt <= until)
            .Where(m => m.Attendees.Any(a => a.PersonId == scope.PersonId) || m.Agencies.Any(a => agencies.Contains(a.AgencyId)))
            .OrderBy(m => m.StartsAt).Take(50)
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.Kind, m.AgendaSentAt, Agencies = m.Agencies.Select(a => a.Agency!.Acronym ?? a.Agency.Name).ToList() })
            .ToListAsync(ct);
        return rows.Select(r => new MyWorkItem(r.Title, $"{time.Format(r.StartsAt)} · {MeetingKinds.Label(r.Kind)}{(r.AgendaSentAt is null ? " · agenda not sent yet" : "")}",
            $"/Meetings/Details/{r.Id}", Urgency.Upcoming, DateOnly.FromDateTime(time.ToLocal(r.StartsAt)), string.Join(", ", r.Agencies))).ToList();
    }
}
