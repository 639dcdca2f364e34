using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Platform.Calendars;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Meetings;

/// <summary>The Relationships module's part of each user's calendar feed: the meetings they attend and their action items' due dates.</summary>
internal sealed class MeetingsCalendarSource(LiaisonDbContext db, OrganisationClock clock, MeetingCalendar calendar, PublicUrls urls) : ICalendarSource
{
    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(int personId, CancellationToken ct)
    {
        var events = new List<CalendarEvent>();
        var since = clock.UtcNow.AddDays(-90);
        var attending = await db.Meetings.AsNoTracking().IgnoreQueryFilters().AsSplitQuery()
            .Where(m => m.EndsAt >= since && m.Attendees.Any(a => a.PersonId == personId))
            .Include(m => m.AgendaItems).OrderBy(m => m.StartsAt).Take(500).ToListAsync(ct);
        events.AddRange(attending.Select(calendar.EventOf));
        var due = await db.ActionItems.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.OwnerPersonId == personId && a.DueOn != null && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))
            .Select(a => new { a.Id, a.Title, a.DueOn, a.Version, a.UpdatedAt, Agency = a.Agency!.Name }).Take(500).ToListAsync(ct);
        events.AddRange(due.Select(a => new CalendarEvent($"action-{a.Id}@{urls.Host}", $"Due: {a.Title} ({a.Agency})", null, null, a.DueOn,
            null, null, false, a.Version, a.UpdatedAt)
        { Url = urls.Link($"ActionItems/Details/{a.Id}") }));
        return events;
    }
}

/// <summary>
/// Sends each meeting's agenda to its attendees ahead of the meeting (Meetings:AgendaLeadHours, 48 by default). The
/// scheduler runs it every ten minutes on one instance (see <see cref="AgendaJob"/>), and each agenda is claimed before it
/// is queued, so even two runs at once send it once.
/// </summary>
internal sealed class AgendaMailer(IServiceScopeFactory scopes, IConfiguration config)
{
    public async Task<int> SendDueAgendasAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var agenda = scope.ServiceProvider.GetRequiredService<SendMeetingAgenda>();
        var lead = TimeSpan.FromHours(config.GetValue("Meetings:AgendaLeadHours", 48));
        var sent = 0;
        foreach (var id in await agenda.DueAsync(lead, ct))
        {
            if ((await agenda.SendAsync(id, ct, automatic: true)).IsOk)
                sent++;
        }
        return sent;
    }
}

[Quartz.DisallowConcurrentExecution]
internal sealed class AgendaJob(AgendaMailer mailer) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await mailer.SendDueAgendasAsync(cancellationToken);
}
