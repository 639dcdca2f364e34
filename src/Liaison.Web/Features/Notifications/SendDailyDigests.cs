using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Email;
using Liaison.Web.Platform.Notifications;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Notifications;

/// <summary>
/// Each person's one email a day: their unread notifications not yet sent in a digest (unless they switched that off)
/// and every module's reminders of what is their duty (<see cref="IDigestSource"/>; those cannot be switched off).
/// Composed once the organisation's day reaches <c>Notifications:DigestHour</c> (7 by default), at most once per person
/// and day whichever instance runs it: the day is claimed on the person's row in the transaction that queues the mail.
/// Nothing to say, no email.
/// </summary>
internal sealed class SendDailyDigests(LiaisonDbContext db, OrganisationClock clock, IEnumerable<IDigestSource> sources, Outbox outbox,
    PublicUrls urls, SiteSettings settings, IConfiguration config)
{
    /// <summary>Notifications older than this are not worth an email any more (the bell still lists them).</summary>
    private static readonly TimeSpan Fresh = TimeSpan.FromDays(7);

    /// <summary>Composes today's digests that are due; answers how many emails were queued.</summary>
    public async Task<int> HandleAsync(CancellationToken ct)
    {
        var today = clock.Today;
        if (clock.ToLocal(clock.UtcNow).Hour < config.GetValue("Notifications:DigestHour", 7))
            return 0;
        var agencyRole = await db.AgencyUserRoleIdAsync(ct);
        var done = db.NotificationPreferences.Where(p => p.LastDigestOn == today).Select(p => p.UserId);
        var recipients = await db.Users.AsNoTracking().IgnoreQueryFilters()
            .Where(u => !u.IsDisabled && u.Email != null && !done.Contains(u.Id))
            .Select(u => new DigestRecipient(u.Id, u.PersonId, u.AgencyId, u.UserRoles.Any(r => r.RoleId == agencyRole), u.Email!, u.DisplayName))
            .ToListAsync(ct);
        if (recipients.Count == 0)
            return 0;

        var optedOut = (await db.NotificationPreferences.AsNoTracking().Where(p => !p.DailyDigest).Select(p => p.UserId).ToListAsync(ct)).ToHashSet();
        var since = clock.UtcNow - Fresh;
        var notifications = (await db.Notifications.AsNoTracking()
                .Where(n => n.ReadAt == null && n.DigestedAt == null && n.CreatedAt >= since)
                .OrderBy(n => n.CreatedAt).ToListAsync(ct))
            .ToLookup(n => n.UserId);
        var reminders = new List<ILookup<int, DigestSection>>();
        foreach (var source in sources.OrderBy(s => s.Order))
            reminders.Add(await source.RemindersAsync(recipients, today, ct));
        var organisation = (await settings.GetAsync(ct)).OrganisationName;

        var sent = 0;
        foreach (var recipient in recipients)
        {
            var news = optedOut.Contains(recipient.UserId) ? [] : notifications[recipient.UserId].ToList();
            var duties = reminders.SelectMany(r => r[recipient.UserId]).Where(s => s.Reminders.Count > 0).ToList();
            await using var write = await db.BeginWriteAsync(ct);
            if (!await ClaimAsync(recipient.UserId, today, ct))
                continue; // another instance composed it
            if (news.Count > 0 || duties.Count > 0)
            {
                var (subject, text, html) = Compose(recipient, news, duties, today, organisation);
                outbox.Enqueue(recipient.Email, subject, text, html);
                foreach (var source in sources)
                    await source.DeliveredAsync(recipient.UserId, ct);
                await db.SaveChangesAsync(ct);
                var carried = news.Select(n => n.Id).ToList();
                var now = clock.UtcNow;
                await db.Notifications.Where(n => carried.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.DigestedAt, now), ct);
                sent++;
            }
            await write.CommitAsync(ct);
        }
        return sent;
    }

    /// <summary>Marks today as composed for the person; false when it already was.</summary>
    private async Task<bool> ClaimAsync(int userId, DateOnly today, CancellationToken ct)
    {
        var claimed = await db.NotificationPreferences.Where(p => p.UserId == userId && p.LastDigestOn != today)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LastDigestOn, today), ct);
        if (claimed > 0)
            return true;
        if (await db.NotificationPreferences.AnyAsync(p => p.UserId == userId, ct))
            return false;
        db.NotificationPreferences.Add(new NotificationPreference { UserId = userId, LastDigestOn = today });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private (string Subject, string Text, string Html) Compose(DigestRecipient to, List<Notification> news, List<DigestSection> duties,
        DateOnly today, string organisation)
    {
        var counts = new List<string>();
        var reminderCount = duties.Sum(d => d.Reminders.Count);
        if (reminderCount > 0)
            counts.Add(reminderCount == 1 ? "1 reminder" : $"{reminderCount} reminders");
        if (news.Count > 0)
            counts.Add(news.Count == 1 ? "1 notification" : $"{news.Count} notifications");
        var subject = $"Liaison, {today.ToString("ddd d MMM", CultureInfo.InvariantCulture)}: {string.Join(" and ", counts)}";
        var sections = duties.Select(d => (d.Title, Lines: d.Reminders.Select(r => (r.Text, r.Link)).ToList())).ToList();
        if (news.Count > 0)
        {
            sections.Add(("Since your last digest", news.Select(n => (Text: n.Title + (n.ActorName is { } who ? $" (by {who})" : ""), n.Link)).ToList()));
        }

        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"Good morning, {to.Name}.").AppendLine();
        foreach (var (title, lines) in sections)
        {
            text.AppendLine(title);
            foreach (var (line, link) in lines)
                text.AppendLine(CultureInfo.InvariantCulture, $"- {line}{(link is null ? "" : $" <{urls.Link(link)}>")}");
            text.AppendLine();
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"Your notifications: {urls.Link("Notifications")}")
            .AppendLine("You can switch the notifications in this email off there; reminders of what is due to you come regardless.")
            .AppendLine(CultureInfo.InvariantCulture, $"— {organisation}");

        var h = HtmlEncoder.Default;
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><body style=\"font-family: sans-serif; color: #1b1b1b;\">")
            .Append(CultureInfo.InvariantCulture, $"<p>Good morning, {h.Encode(to.Name)}.</p>");
        foreach (var (title, lines) in sections)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size: 1.1rem;\">{h.Encode(title)}</h2><ul>");
            foreach (var (line, link) in lines)
            {
                var item = link is null ? $"<li>{h.Encode(line)}</li>" : $"<li><a href=\"{h.Encode(urls.Link(link))}\">{h.Encode(line)}</a></li>";
                html.Append(item);
            }
            html.Append("</ul>");
        }
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{h.Encode(urls.Link("Notifications"))}\">Your notifications in Liaison</a>. ")
            .Append("You can switch the notifications in this email off there; reminders of what is due to you come regardless.</p>")
            .Append(CultureInfo.InvariantCulture, $"<p>— {h.Encode(organisation)}</p></body></html>");
        return (subject, text.ToString(), html.ToString());
    }
}

/// <summary>Composes the day's digests (every 15 minutes, Notifications:DigestCheckMinutes), on one instance at a time.</summary>
[Quartz.DisallowConcurrentExecution]
internal sealed class DailyDigestJob(IServiceScopeFactory scopes) : Quartz.IJob
{
    public async ValueTask Execute(Quartz.IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().HandleAsync(cancellationToken);
    }
}
