using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Platform.Notifications;

/// <summary>The header's bell: how many of the signed-in user's notifications are unread (one index seek per page).</summary>
internal sealed class NotificationBell(LiaisonDbContext db, CurrentUser user)
{
    private static readonly Func<LiaisonDbContext, int, CancellationToken, Task<int>> CountUnread =
        EF.CompileAsyncQuery((LiaisonDbContext db, int userId, CancellationToken ct) =>
            db.Notifications.Count(n => n.UserId == userId && n.ReadAt == null));

    public async Task<int> UnreadAsync(CancellationToken ct = default) =>
        user.Id is { } id && user.IsAuthenticated ? await CountUnread(db, id, ct) : 0;
}
