using Liaison.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Liaison.Web.Platform.Notifications;

/// <summary>
/// A notification to write with the save that caused it. Its title and link are read once that save has given the record
/// its key (a new action item's link needs its id), in the same transaction: the change and its notifications commit
/// together or not at all.
/// </summary>
internal sealed record NotificationDraft(int UserId, string Kind, Func<string> Title, Func<string?> Link);

/// <summary>A user a notification may go to, found from their entry in the directory.</summary>
/// <param name="AgencyId">For an agency user, their agency: they are told only of their agency's records.</param>
internal sealed record NotificationRecipient(int UserId, int PersonId, int? AgencyId, bool IsAgencyUser);

/// <summary>
/// How a module tells people what happened to them: from its <see cref="Modules.ISaveHook"/>, which sees every save
/// whichever way in made it (a page, the API, an import, a bulk change), it finds the records that concern someone and
/// calls <see cref="Notify"/>. Nobody is told of their own doing, and a disabled user of nothing.
/// </summary>
internal static class Notifier
{
    /// <summary>
    /// The users behind the directory entries <paramref name="personIds"/> (people without an account, and disabled
    /// accounts, have none), less the user making this change.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, NotificationRecipient>> RecipientsAsync(this LiaisonDbContext db,
        IEnumerable<int> personIds, CancellationToken ct)
    {
        var ids = personIds.Distinct().ToList();
        if (ids.Count == 0)
            return new Dictionary<int, NotificationRecipient>();
        var me = db.CurrentUser.Id;
        var agencyRole = await db.AgencyUserRoleIdAsync(ct);
        var users = new List<(int Id, int PersonId, int? AgencyId, bool IsAgencyUser)>();
        // In chunks: an import of thousands of initiatives names thousands of owners, and a database takes only so many parameters.
        foreach (var chunk in ids.Chunk(500))
        {
            users.AddRange((await db.Users.AsNoTracking().IgnoreQueryFilters()
                    .Where(u => u.PersonId != null && chunk.Contains(u.PersonId.Value) && !u.IsDisabled && u.Id != me)
                    .Select(u => new { u.Id, PersonId = u.PersonId!.Value, u.AgencyId, IsAgencyUser = u.UserRoles.Any(r => r.RoleId == agencyRole) })
                    .ToListAsync(ct))
                .Select(u => (u.Id, u.PersonId, u.AgencyId, u.IsAgencyUser)));
        }
        return users.DistinctBy(u => u.PersonId)
            .ToDictionary(u => u.PersonId, u => new NotificationRecipient(u.Id, u.PersonId, u.AgencyId, u.IsAgencyUser));
    }

    /// <summary>The agency user role's id, for telling agency users apart in a query over users (0 before roles exist).</summary>
    public static Task<int> AgencyUserRoleIdAsync(this LiaisonDbContext db, CancellationToken ct) =>
        db.Roles.AsNoTracking().Where(r => r.Name == Auth.Roles.AgencyUser).Select(r => r.Id).FirstOrDefaultAsync(ct);

    /// <summary>Adds a notification to this save (see <see cref="NotificationDraft"/>).</summary>
    public static void Notify(this LiaisonDbContext db, NotificationRecipient to, string kind, Func<string> title, Func<string?> link) =>
        db.PendingNotifications.Add(new NotificationDraft(to.UserId, kind, title, link));

    /// <summary>Whether a property of a tracked record is changing in this save (to a different value).</summary>
    public static bool Changes<T>(this EntityEntry<T> entry, string property) where T : class =>
        entry.State == EntityState.Modified && entry.Property(property) is { IsModified: true } p && !Equals(p.OriginalValue, p.CurrentValue);

    /// <summary>The notifications of the drafts, now that the records they are about have their keys.</summary>
    internal static IEnumerable<Notification> Complete(IEnumerable<NotificationDraft> drafts, string? actorName, DateTime now) =>
        drafts.Select(d => new Notification
        {
            UserId = d.UserId,
            Kind = Clip(d.Kind, 40),
            Title = Clip(d.Title(), 300),
            Link = d.Link() is { } link ? Clip(link, 300) : null,
            ActorName = actorName is null ? null : Clip(actorName, 200),
            CreatedAt = now,
        })
            // One line per person and thing: a save that both assigns and re-dates an item tells its owner once.
            .DistinctBy(n => (n.UserId, n.Kind, n.Link));

    private static string Clip(string text, int length) => text.Length > length ? text[..(length - 1)] + "…" : text;
}
