using Liaison.Web.Features.Administration.Settings;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Notifications;
using Liaison.Web.Platform.Time;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals;

/// <summary>
/// The renewals module's part of each person's daily digest: the renewals that reached a point of their reminder
/// schedule (<see cref="ReminderSchedule"/>, the offsets and interval in Settings), sent to the responsible manager and
/// the agency's backup until the renewal is settled. Each point goes out once per person: it is recorded
/// (<see cref="RenewalReminder"/>) in the transaction that queues the digest, and a point already recorded is not
/// sent again — a day missed (the app was down) sends the latest point only. Provider staff only: the log is internal.
/// </summary>
internal sealed class RenewalDigest(LiaisonDbContext db, SiteSettings settings, OrganisationClock clock) : IDigestSource
{
    /// <summary>At most this many lines: the digest points to the log, it does not replace it.</summary>
    private const int Shown = 15;

    private static readonly ILookup<int, DigestSection> NoReminders = Array.Empty<DigestSection>().ToLookup(_ => 0);

    private readonly Dictionary<int, List<RenewalReminder>> _pending = [];

    public int Order => 50;

    public async Task<ILookup<int, DigestSection>> RemindersAsync(IReadOnlyCollection<DigestRecipient> recipients, DateOnly today, CancellationToken ct)
    {
        _pending.Clear();
        var staff = recipients.Where(r => !r.IsAgencyUser).ToList();
        var organisation = await settings.GetAsync(ct);
        var offsets = organisation.RenewalReminderOffsets;
        if (staff.Count == 0)
            return NoReminders;
        var horizon = today.AddDays(offsets.Count > 0 ? offsets[0] : 0);
        var renewals = await db.Renewals.AsNoTracking().IgnoreQueryFilters()
            .Where(r => !RenewalDates.SettledStatuses.Contains(r.Status) && r.LastSafeDate <= horizon)
            .OrderBy(r => r.LastSafeDate).ThenBy(r => r.Id)
            .Select(r => new
            {
                r.Id,
                r.AgencyId,
                r.ResponsibleManagerPersonId,
                r.LastSafeDate,
                r.TermEnd,
                r.RenewsTacitly,
                r.Status,
                Product = r.Product!.Name,
                Vendor = r.Product.Vendor!.Name,
                Agency = r.Agency!.Acronym ?? r.Agency.Name,
            })
            .ToListAsync(ct);
        if (renewals.Count == 0)
            return NoReminders;

        var usersByPerson = staff.Where(r => r.PersonId is not null).ToLookup(r => r.PersonId!.Value, r => r.UserId);
        var staffIds = staff.Select(r => r.UserId).ToHashSet();
        var backups = await db.BackupUsersByAgencyAsync(ct);
        var sent = new HashSet<(int RenewalId, int UserId, DateOnly LastSafeDate, int DaysBefore)>();
        foreach (var chunk in renewals.Select(r => r.Id).Chunk(1000))
        {
            foreach (var s in await db.RenewalReminders.AsNoTracking().Where(m => chunk.Contains(m.RenewalId))
                         .Select(m => new { m.RenewalId, m.UserId, m.LastSafeDate, m.DaysBefore }).ToListAsync(ct))
                sent.Add((s.RenewalId, s.UserId, s.LastSafeDate, s.DaysBefore));
        }

        var lines = new Dictionary<int, List<DigestReminder>>();
        var now = clock.UtcNow;
        foreach (var r in renewals)
        {
            if (ReminderSchedule.PointOn(r.LastSafeDate, today, offsets, organisation.RenewalReminderIntervalDays) is not { } point)
                continue;
            var to = (r.ResponsibleManagerPersonId is { } person ? usersByPerson[person] : [])
                .Concat(backups[r.AgencyId].Where(staffIds.Contains)).Distinct();
            foreach (var userId in to)
            {
                if (sent.Contains((r.Id, userId, r.LastSafeDate, point)))
                    continue;
                if (!_pending.TryGetValue(userId, out var pending))
                    _pending[userId] = pending = [];
                pending.Add(new RenewalReminder { RenewalId = r.Id, UserId = userId, LastSafeDate = r.LastSafeDate, DaysBefore = point, SentOn = today, SentAt = now });
                if (!lines.TryGetValue(userId, out var mine))
                    lines[userId] = mine = [];
                mine.Add(new DigestReminder($"{r.Product} ({r.Vendor}) for {r.Agency}: {When(r.LastSafeDate, r.TermEnd, r.RenewsTacitly, r.Status, today)}",
                    $"/Renewals/Details/{r.Id}"));
            }
        }
        return lines.Select(l => (l.Key, new DigestSection("Renewals to act on", l.Value.Count <= Shown ? l.Value
                : [.. l.Value.Take(Shown), new DigestReminder($"and {l.Value.Count - Shown} more", "/Renewals?due=soon")])))
            .ToLookup(s => s.Key, s => s.Item2);
    }

    public Task DeliveredAsync(int userId, CancellationToken ct)
    {
        if (_pending.Remove(userId, out var reminders))
            db.RenewalReminders.AddRange(reminders);
        return Task.CompletedTask;
    }

    /// <summary>How the line reads: what the date is for, and how far it is.</summary>
    internal static string When(DateOnly lastSafeDate, DateOnly termEnd, bool tacit, RenewalStatus status, DateOnly today)
    {
        if (status == RenewalStatus.Lapsed)
            return $"lapsed when its term ended on {termEnd:d MMM yyyy}";
        var what = tacit ? "last day to cancel" : "last safe date to order";
        var left = lastSafeDate.DayNumber - today.DayNumber;
        return left switch
        {
            0 => $"{what} is today",
            1 => $"{what} is tomorrow, {lastSafeDate:d MMM yyyy}",
            > 1 => $"{what} is {lastSafeDate:d MMM yyyy}, in {left} days",
            -1 => $"{what} was yesterday, {lastSafeDate:d MMM yyyy}; the term ends {termEnd:d MMM yyyy}",
            _ => $"{what} was {lastSafeDate:d MMM yyyy}, {-left} days ago; the term ends {termEnd:d MMM yyyy}",
        };
    }
}
