using Liaison.Web.Features.ActionItems;
using Liaison.Web.Features.Relationships;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Meetings;

/// <summary>
/// Each user's private calendar feed (their meetings and the due dates of their action items), at a
/// secret URL that Outlook or Google Calendar subscribe to. Only the secret's hash is stored: a new
/// URL replaces the old one, which stops working.
/// </summary>
internal sealed class CalendarFeeds(LiaisonDbContext db, CurrentUser user, OrganisationClock clock, ManageMeetings meetings)
{
    public Task<bool> ExistsAsync(CancellationToken ct) => db.CalendarFeeds.AnyAsync(f => f.UserId == user.Id, ct);

    /// <summary>Creates (or replaces) the user's feed; answers the secret, shown to them once.</summary>
    public async Task<string> CreateAsync(CancellationToken ct)
    {
        var secret = ApiToken.NewSecret();
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == user.Id, ct);
        if (feed is null)
            db.CalendarFeeds.Add(feed = new CalendarFeed { UserId = user.Id!.Value });
        feed.TokenHash = ApiToken.Hash(secret);
        feed.CreatedAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return secret;
    }

    public async Task RevokeAsync(CancellationToken ct) =>
        await db.CalendarFeeds.Where(f => f.UserId == user.Id).ExecuteDeleteAsync(ct);

    /// <summary>The feed for a secret, or null. Anonymous: the secret is the credential, so nothing is filtered by a signed-in user.</summary>
    public async Task<string?> RenderAsync(string secret, CancellationToken ct)
    {
        var hash = ApiToken.Hash(secret);
        var owner = await db.CalendarFeeds.AsNoTracking().IgnoreQueryFilters().Where(f => f.TokenHash == hash && !f.User!.IsDisabled)
            .Select(f => new { f.User!.DisplayName, f.User.PersonId }).FirstOrDefaultAsync(ct);
        if (owner is null)
            return null;
        var events = new List<CalendarEvent>();
        if (owner.PersonId is { } personId)
        {
            var since = clock.UtcNow.AddDays(-90);
            var attending = await db.Meetings.AsNoTracking().IgnoreQueryFilters().AsSplitQuery()
                .Where(m => m.EndsAt >= since && m.Attendees.Any(a => a.PersonId == personId))
                .Include(m => m.AgendaItems).OrderBy(m => m.StartsAt).Take(500).ToListAsync(ct);
            events.AddRange(attending.Select(meetings.EventOf));
            var due = await db.ActionItems.AsNoTracking().IgnoreQueryFilters()
                .Where(a => a.OwnerPersonId == personId && a.DueOn != null && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))
                .Select(a => new { a.Id, a.Title, a.DueOn, a.Version, a.UpdatedAt, Agency = a.Agency!.Name }).Take(500).ToListAsync(ct);
            events.AddRange(due.Select(a => new CalendarEvent($"action-{a.Id}@liaison", $"Due: {a.Title} ({a.Agency})", null, null, a.DueOn,
                null, null, false, a.Version, a.UpdatedAt)));
        }
        return Calendar.Write($"Liaison — {owner.DisplayName}", events, clock.IanaZoneId);
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
        var meetings = scope.ServiceProvider.GetRequiredService<ManageMeetings>();
        var lead = TimeSpan.FromHours(config.GetValue("Meetings:AgendaLeadHours", 48));
        var sent = 0;
        foreach (var id in await meetings.AgendasDueAsync(lead, ct))
        {
            if ((await meetings.SendAgendaAsync(id, ct, automatic: true)).IsOk)
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
