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
/// an import, a bulk reassignment): an open action item that became theirs; a meeting they were added to, whose time or
/// place changed, or that was cancelled. An agency user hears only of their own agency's records.
/// </summary>
internal sealed class RelationshipNotifications(OrganisationClock time) : ISaveHook
{
    public async Task<bool> BeforeSaveAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var assigned = db.ChangeTracker.Entries<ActionItem>()
            .Where(e => e.Entity.IsOpen && (e.State == EntityState.Added || e.Changes(nameof(ActionItem.OwnerPersonId))))
            .Select(e => e.Entity).ToList();
        var meetings = await MeetingChangesAsync(db, ct);
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
                    "meeting-changed" => $"Changed: {meeting.Title}, now {time.Format(meeting.StartsAt)}" + (meeting.Location is { Length: > 0 } where ? $", {where}" : ""),
                    _ => $"Invited: {meeting.Title}, {time.Format(meeting.StartsAt)}",
                }, () => $"/Meetings/Details/{meeting.Id}");
            }
        }
        return false;
    }

    private sealed record MeetingChange(Meeting Meeting, string Kind, IReadOnlyCollection<int> People, IReadOnlyCollection<int> AgencyIds);

    /// <summary>
    /// Meetings to come that this save cancels, moves or adds people to: who hears what. An attendee added to a meeting
    /// that also moved hears of the invitation only.
    /// </summary>
    private async Task<List<MeetingChange>> MeetingChangesAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var now = time.UtcNow;
        var changes = new List<MeetingChange>();
        var addedAttendees = db.ChangeTracker.Entries<MeetingAttendee>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
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
            if (!cancelled && !moved && added.Count == 0)
                continue;
            var agencies = entry.Collection(m => m.Agencies).IsLoaded || entry.State == EntityState.Added
                ? meeting.Agencies.Select(a => a.AgencyId).ToList()
                : await db.Set<MeetingAgency>().AsNoTracking().Where(a => a.MeetingId == meeting.Id).Select(a => a.AgencyId).ToListAsync(ct);
            if (added.Count > 0)
                changes.Add(new(meeting, "meeting-invited", added, agencies));
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
