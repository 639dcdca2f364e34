using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Notifications;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>
/// Tells people what the relationships module's saves did to them, whichever way in made the change (a page, the API,
/// an import, a bulk reassignment): an open action item that became theirs; a comment on an item, or a mention; a meeting
/// they were added to or taken off, whose time or place changed, or that was cancelled. An agency user hears only of
/// their own agency's records.
/// </summary>
internal sealed class RelationshipNotifications(OrganisationClock time) : ISaveHook
{
    public async Task<bool> BeforeSaveAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var assigned = db.ChangeTracker.Entries<ActionItem>()
            .Where(e => e.Entity.IsOpen && (e.State == EntityState.Added || e.Changes(nameof(ActionItem.OwnerPersonId))))
            .Select(e => e.Entity).ToList();
        var meetings = await MeetingChangesAsync(db, ct);
        var comments = db.ChangeTracker.Entries<ActionItemComment>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (comments.Count > 0)
            await CommentsAsync(db, comments, ct);
        if (assigned.Count == 0 && meetings.Count == 0)
            return false;

        var recipients = await db.RecipientsAsync(assigned.Select(a => a.OwnerPersonId).Concat(meetings.SelectMany(m => m.People)), ct);
        foreach (var item in assigned)
        {
            if (recipients.GetValueOrDefault(item.OwnerPersonId) is { } to && (!to.IsAgencyUser || to.AgencyId == item.AgencyId))
            {
                db.Notify(to, "action-assigned",
                    () => $"Assigned to you: {item.Title}" + (item.DueOn is { } due ? $", due {due:d MMM yyyy}" : ""),
                    () => $"/ActionItems/Details/{item.Id}");
            }
        }
        foreach (var change in meetings)
        {
            var meeting = change.Meeting;
            foreach (var personId in change.People)
            {
                if (recipients.GetValueOrDefault(personId) is not { } to || (to.IsAgencyUser && !change.AgencyIds.Contains(to.AgencyId ?? -1)))
                    continue;
                db.Notify(to, change.Kind, () => change.Kind switch
                {
                    "meeting-cancelled" => $"Cancelled: {meeting.Title}, {time.Format(meeting.StartsAt)}",
                    "meeting-uninvited" => $"No longer expected: {meeting.Title}, {time.Format(meeting.StartsAt)}",
                    "meeting-changed" => $"Changed: {meeting.Title}, now {time.Format(meeting.StartsAt)}" + (meeting.Location is { Length: > 0 } where ? $", {where}" : ""),
                    _ => $"Invited: {meeting.Title}, {time.Format(meeting.StartsAt)}",
                }, () => $"/Meetings/Details/{meeting.Id}");
            }
        }
        return false;
    }

    /// <summary>
    /// A comment tells the item's owner; "@First Last" tells that person instead (anyone who sees the item: staff, or the
    /// agency contact who owns it); a comment from the agency tells its relationship managers, primary and backup.
    /// </summary>
    private static async Task CommentsAsync(LiaisonDbContext db, List<ActionItemComment> comments, CancellationToken ct)
    {
        var itemIds = comments.Select(c => c.ActionItemId).Distinct().ToList();
        var items = await db.ActionItems.AsNoTracking().Where(a => itemIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.AgencyId, a.OwnerPersonId }).ToDictionaryAsync(a => a.Id, ct);
        var agencyIds = items.Values.Select(i => i.AgencyId).Distinct().ToList();
        var managers = await db.AgencyAssignments.AsNoTracking().Where(a => agencyIds.Contains(a.AgencyId) && a.EndedOn == null && a.User!.PersonId != null)
            .Select(a => new { a.AgencyId, PersonId = a.User!.PersonId!.Value }).ToListAsync(ct);
        // Who can be mentioned: the people behind enabled accounts; an agency user only on their own item. Read only when a
        // comment has an "@".
        var mentionable = comments.Any(c => c.Text.Contains('@', StringComparison.Ordinal))
            ? await MentionableAsync(db, ct)
            : [];

        var told = new List<(ActionItemComment Comment, string Title, int PersonId, string Kind, int AgencyId)>();
        foreach (var comment in comments)
        {
            if (!items.TryGetValue(comment.ActionItemId, out var item))
                continue;
            var mentioned = mentionable
                .Where(m => !m.IsAgencyUser || m.PersonId == item.OwnerPersonId)
                .Where(m => Mentions(comment.Text, m.Name)).Select(m => m.PersonId).ToHashSet();
            told.AddRange(mentioned.Select(p => (comment, item.Title, p, "mention", item.AgencyId)));
            var others = new List<int> { item.OwnerPersonId };
            if (comment.ByAgency)
                others.AddRange(managers.Where(m => m.AgencyId == item.AgencyId).Select(m => m.PersonId));
            told.AddRange(others.Where(p => !mentioned.Contains(p)).Distinct().Select(p => (comment, item.Title, p, "action-comment", item.AgencyId)));
        }
        var recipients = await db.RecipientsAsync(told.Select(t => t.PersonId), ct);
        foreach (var (comment, title, personId, kind, agencyId) in told)
        {
            if (recipients.GetValueOrDefault(personId) is not { } to || (to.IsAgencyUser && to.AgencyId != agencyId))
                continue;
            var excerpt = comment.Text.Length > 80 ? comment.Text[..79] + "…" : comment.Text;
            db.Notify(to, kind,
                () => (kind == "mention" ? $"{comment.AuthorName} mentioned you on “{title}”: " : $"{comment.AuthorName} commented on “{title}”: ") + excerpt,
                () => $"/ActionItems/Details/{comment.ActionItemId}#comment-{comment.Id}");
        }
    }

    private sealed record Mentionable(int PersonId, string Name, bool IsAgencyUser);

    private static async Task<List<Mentionable>> MentionableAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var agencyRole = await db.AgencyUserRoleIdAsync(ct);
        return await db.Users.AsNoTracking().IgnoreQueryFilters().Where(u => u.PersonId != null && !u.IsDisabled)
            .Select(u => new Mentionable(u.PersonId!.Value, u.Person!.FirstName + " " + u.Person.LastName, u.UserRoles.Any(r => r.RoleId == agencyRole)))
            .ToListAsync(ct);
    }

    /// <summary>"@Rita Revenue" (any case), not followed by more of a name: "@Sam Staff" is not "@Sam Staffordshire".</summary>
    internal static bool Mentions(string text, string name) =>
        name.Trim().Length > 0
        && System.Text.RegularExpressions.Regex.IsMatch(text, "@" + System.Text.RegularExpressions.Regex.Escape(name.Trim()) + @"(?![\p{L}\p{N}])",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromMilliseconds(100));

    private sealed record MeetingChange(Meeting Meeting, string Kind, IReadOnlyCollection<int> People, IReadOnlyCollection<int> AgencyIds);

    /// <summary>
    /// Meetings to come that this save cancels, moves, adds people to or takes people off: who hears what. An attendee
    /// added to a meeting that also moved hears of the invitation only.
    /// </summary>
    private async Task<List<MeetingChange>> MeetingChangesAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var now = time.UtcNow;
        var changes = new List<MeetingChange>();
        var addedAttendees = db.ChangeTracker.Entries<MeetingAttendee>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var removedAttendees = db.ChangeTracker.Entries<MeetingAttendee>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity).ToList();
        foreach (var entry in db.ChangeTracker.Entries<Meeting>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Unchanged))
        {
            var meeting = entry.Entity;
            if (meeting.EndsAt < now)
                continue;
            var cancelled = entry.Changes(nameof(Meeting.Status)) && meeting.Status == MeetingStatus.Cancelled;
            var moved = meeting.Status == MeetingStatus.Planned && (entry.Changes(nameof(Meeting.StartsAt)) || entry.Changes(nameof(Meeting.EndsAt))
                || entry.Changes(nameof(Meeting.Location)));
            var added = meeting.Status == MeetingStatus.Planned
                ? addedAttendees.Where(a => meeting.Attendees.Contains(a)).Select(a => a.PersonId).ToHashSet()
                : [];
            var removed = meeting.Status == MeetingStatus.Planned && entry.State != EntityState.Added
                ? removedAttendees.Where(a => a.MeetingId == meeting.Id).Select(a => a.PersonId).Where(p => !added.Contains(p)).ToHashSet()
                : [];
            if (!cancelled && !moved && added.Count == 0 && removed.Count == 0)
                continue;
            var agencies = entry.Collection(m => m.Agencies).IsLoaded || entry.State == EntityState.Added
                ? meeting.Agencies.Select(a => a.AgencyId).ToList()
                : await db.Set<MeetingAgency>().AsNoTracking().Where(a => a.MeetingId == meeting.Id).Select(a => a.AgencyId).ToListAsync(ct);
            if (added.Count > 0)
                changes.Add(new(meeting, "meeting-invited", added, agencies));
            if (removed.Count > 0)
                changes.Add(new(meeting, "meeting-uninvited", removed, agencies));
            if (cancelled || moved)
            {
                var attendees = entry.Collection(m => m.Attendees).IsLoaded
                    ? meeting.Attendees.Select(a => a.PersonId).ToList()
                    : await db.Set<MeetingAttendee>().AsNoTracking().Where(a => a.MeetingId == meeting.Id).Select(a => a.PersonId).ToListAsync(ct);
                changes.Add(new(meeting, cancelled ? "meeting-cancelled" : "meeting-changed", attendees.Where(p => !added.Contains(p)).ToList(), agencies));
            }
        }
        return changes;
    }
}
