using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

/// <summary>
/// Tells provider staff of an initiative handed to them: made its owner, its relationship manager, or the PMO's person
/// for it, by any way in (a page, the API, a portfolio import). The portfolio is the provider's, so agency users hear of
/// none of it.
/// </summary>
internal sealed class PortfolioNotifications : ISaveHook
{
    private static readonly (string Property, Func<Initiative, int?> Person, string Role)[] Holders =
    [
        (nameof(Initiative.OwnerPersonId), i => i.OwnerPersonId, "owner"),
        (nameof(Initiative.RelationshipManagerPersonId), i => i.RelationshipManagerPersonId, "relationship manager"),
        (nameof(Initiative.HandedToPmoPersonId), i => i.HandedToPmoPersonId, "PMO lead"),
    ];

    public async Task<bool> BeforeSaveAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var handed = db.ChangeTracker.Entries<Initiative>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified)
            .SelectMany(e => Holders.Where(h => h.Person(e.Entity) is not null && (e.State == EntityState.Added || e.Changes(h.Property)))
                .Select(h => (Initiative: e.Entity, PersonId: h.Person(e.Entity)!.Value, h.Role)))
            .ToList();
        if (handed.Count == 0)
            return false;
        var recipients = await db.RecipientsAsync(handed.Select(h => h.PersonId), ct);
        foreach (var (initiative, personId, role) in handed)
        {
            if (recipients.GetValueOrDefault(personId) is { IsAgencyUser: false } to)
                db.Notify(to, "initiative-handed", () => $"Handed to you as {role}: {initiative.Name}", () => $"/Portfolio/Details/{initiative.Id}");
        }
        return false;
    }
}
