using Liaison.Web.Features.Relationships.ActionItems;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>
/// The relationships module's part of each person's daily digest: their open action items that are late or due today,
/// and, for a primary relationship manager, each of their agencies whose contacts are overdue. Both are someone's duty,
/// so they come whether or not the person takes notifications by email.
/// </summary>
internal sealed class RelationshipReminders(LiaisonDbContext db) : IDigestSource
{
    /// <summary>At most this many lines per section: the digest points to the list, it does not replace it.</summary>
    private const int Shown = 10;

    public int Order => 10;

    public async Task<ILookup<int, DigestSection>> RemindersAsync(IReadOnlyCollection<DigestRecipient> recipients, DateOnly today, CancellationToken ct)
    {
        var byPerson = recipients.Where(r => r.PersonId is not null).ToLookup(r => r.PersonId!.Value);
        var personIds = byPerson.Select(g => g.Key).ToList();
        var items = new List<(int OwnerPersonId, int Id, string Title, DateOnly DueOn, int AgencyId, string Agency)>();
        foreach (var chunk in personIds.Chunk(500))
        {
            items.AddRange((await db.ActionItems.AsNoTracking().IgnoreQueryFilters()
                    .Where(a => chunk.Contains(a.OwnerPersonId) && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress)
                        && a.DueOn != null && a.DueOn <= today)
                    .OrderBy(a => a.DueOn).ThenBy(a => a.Id)
                    .Select(a => new { a.OwnerPersonId, a.Id, a.Title, DueOn = a.DueOn!.Value, a.AgencyId, Agency = a.Agency!.Acronym ?? a.Agency.Name })
                    .ToListAsync(ct))
                .Select(a => (a.OwnerPersonId, a.Id, a.Title, a.DueOn, a.AgencyId, a.Agency)));
        }

        var userIds = recipients.Where(r => !r.IsAgencyUser).Select(r => r.UserId).ToList();
        var managed = await db.AgencyAssignments.AsNoTracking().IgnoreQueryFilters()
            .Where(a => a.EndedOn == null && a.Role == AssignmentRole.Primary && userIds.Contains(a.UserId))
            .Select(a => new { a.UserId, a.AgencyId, a.Agency!.Name }).ToListAsync(ct);
        var agencyIds = managed.Select(m => m.AgencyId).Distinct().ToList();
        var overdue = await db.StakeholderProfiles.AsNoTracking().IgnoreQueryFilters()
            .Where(p => p.TrackedAgencyId != null && agencyIds.Contains(p.TrackedAgencyId.Value) && p.NextDueOn < today)
            .GroupBy(p => p.TrackedAgencyId!.Value).Select(g => new { AgencyId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.AgencyId, g => g.Count, ct);

        var sections = new List<(int UserId, DigestSection Section)>();
        foreach (var recipient in recipients)
        {
            // An agency user's own items are all of their agency (the rule they are assigned by); the filter keeps it so.
            var mine = recipient.PersonId is { } person
                ? items.Where(i => i.OwnerPersonId == person && (!recipient.IsAgencyUser || i.AgencyId == recipient.AgencyId)).ToList()
                : [];
            if (mine.Count > 0)
            {
                var lines = mine.Take(Shown).Select(i => new DigestReminder(
                    $"{i.Title} ({i.Agency}): " + (i.DueOn == today ? "due today" : $"due {i.DueOn:d MMM yyyy}, {today.DayNumber - i.DueOn.DayNumber} days late"),
                    $"/ActionItems/Details/{i.Id}")).ToList();
                if (mine.Count > Shown)
                    lines.Add(new DigestReminder($"and {mine.Count - Shown} more", "/ActionItems?due=late"));
                sections.Add((recipient.UserId, new DigestSection("Your action items due", lines)));
            }
            var contacts = managed.Where(m => m.UserId == recipient.UserId && overdue.GetValueOrDefault(m.AgencyId) > 0)
                .OrderByDescending(m => overdue[m.AgencyId]).ThenBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)
                .Select(m => new DigestReminder($"{m.Name}: {overdue[m.AgencyId]} contact{(overdue[m.AgencyId] == 1 ? "" : "s")} overdue",
                    $"/Agencies/Matrix/{m.AgencyId}"))
                .ToList();
            if (contacts.Count > 0)
                sections.Add((recipient.UserId, new DigestSection("Contacts overdue at your agencies", contacts)));
        }
        return sections.ToLookup(s => s.UserId, s => s.Section);
    }
}
