using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Notifications;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Notifications;

/// <summary>The bell's list: all, or only the unread ones; newest first.</summary>
internal sealed record NotificationListQuery(bool Unread = false, int Page = 1, int PageSize = 25);

internal sealed record NotificationRow(long Id, string Kind, string Title, string? Link, string? ActorName, DateTime CreatedAt, DateTime? ReadAt);

/// <summary>A page of one's notifications, with how many are unread in all.</summary>
internal sealed record NotificationList(PagedResult<NotificationRow> Page, int UnreadCount);

internal sealed record NotificationSettings(bool DailyDigest);

/// <summary>
/// The signed-in user's notifications and their choice of a daily digest. Every query is confined to the user asking:
/// someone else's notification is answered as not found.
/// </summary>
internal sealed class ManageNotifications(LiaisonDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task<NotificationList> ListAsync(NotificationListQuery query, CancellationToken ct)
    {
        var mine = Mine();
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var list = query.Unread ? mine.Where(n => n.ReadAt == null) : mine;
        var pageSize = Paging.ClampPageSize(query.PageSize);
        var total = query.Unread ? unread : await list.CountAsync(ct);
        var page = Math.Min(Paging.ClampPage(query.Page), Math.Max(1, (total + pageSize - 1) / pageSize));
        var items = await list.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Title, n.Link, n.ActorName, n.CreatedAt, n.ReadAt))
            .ToListAsync(ct);
        return new NotificationList(new PagedResult<NotificationRow>(items, page, pageSize, total), unread);
    }

    /// <summary>Marks one as read and answers where it leads (a path within Liaison, never elsewhere).</summary>
    public async Task<Result<NotificationRow>> ReadAsync(long id, CancellationToken ct)
    {
        var notification = await Mine().AsTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notification is null)
            return Result<NotificationRow>.NotFound();
        notification.ReadAt ??= Now;
        await db.SaveChangesAsync(ct);
        var link = notification.Link is { } l && l.StartsWith('/') && !l.StartsWith("//", StringComparison.Ordinal) && !l.Contains('\\') ? l : null;
        return Result<NotificationRow>.Ok(new NotificationRow(notification.Id, notification.Kind, notification.Title, link, notification.ActorName,
            notification.CreatedAt, notification.ReadAt));
    }

    /// <summary>Marks every unread one as read; answers how many.</summary>
    public Task<int> ReadAllAsync(CancellationToken ct)
    {
        var now = Now;
        return Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    public async Task<NotificationSettings> SettingsAsync(CancellationToken ct) =>
        new(await db.NotificationPreferences.AsNoTracking().Where(p => p.UserId == Me).Select(p => (bool?)p.DailyDigest).FirstOrDefaultAsync(ct) ?? true);

    public async Task<NotificationSettings> ChangeSettingsAsync(NotificationSettings settings, CancellationToken ct)
    {
        var preference = await db.NotificationPreferences.AsTracking().FirstOrDefaultAsync(p => p.UserId == Me, ct);
        if (preference is null)
            db.NotificationPreferences.Add(preference = new NotificationPreference { UserId = Me });
        preference.DailyDigest = settings.DailyDigest;
        await db.SaveChangesAsync(ct);
        return new NotificationSettings(preference.DailyDigest);
    }

    private int Me => user.Id ?? throw new InvalidOperationException("Notifications belong to a signed-in user.");

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Notification> Mine()
    {
        var me = Me;
        return db.Notifications.AsNoTracking().Where(n => n.UserId == me);
    }
}
