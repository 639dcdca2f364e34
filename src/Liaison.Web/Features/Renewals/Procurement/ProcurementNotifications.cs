using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Modules;
using Liaison.Web.Platform.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>
/// Keeps both sides of a procurement request told, by any way in: the person who raised a request hears when it moves
/// to another status (an agency user only while they belong to its agency), and the agency's primary relationship
/// manager hears of a request an agency's user raised. Nobody is told of their own doing (<see cref="Notifier"/>).
/// </summary>
internal sealed class ProcurementNotifications : ISaveHook
{
    public async Task<bool> BeforeSaveAsync(LiaisonDbContext db, CancellationToken ct)
    {
        var entries = db.ChangeTracker.Entries<ProcurementRequest>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList();
        if (entries.Count == 0)
            return false;
        var moved = entries.Where(e => e.Changes(nameof(ProcurementRequest.Status))).Select(e => e.Entity).ToList();
        var added = entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        var raiserIds = moved.Concat(added).Where(r => r.CreatedByUserId is not null).Select(r => r.CreatedByUserId!.Value).Distinct().ToList();
        if (raiserIds.Count == 0)
            return false;
        var agencyRole = await db.AgencyUserRoleIdAsync(ct);
        // A disabled user is told nothing (and raises nothing: the one raising a request is the one saving it).
        var raisers = await db.Users.AsNoTracking().IgnoreQueryFilters().Where(u => raiserIds.Contains(u.Id) && !u.IsDisabled)
            .Select(u => new NotificationRecipient(u.Id, u.PersonId ?? 0, u.AgencyId, u.UserRoles.Any(r => r.RoleId == agencyRole)))
            .ToDictionaryAsync(u => u.UserId, ct);
        var me = db.CurrentUser.Id;
        foreach (var request in moved)
        {
            // An agency user hears of their agency's requests only; nobody of their own change.
            if (request.CreatedByUserId is not { } raisedBy || raisedBy == me || raisers.GetValueOrDefault(raisedBy) is not { } to
                || (to.IsAgencyUser && to.AgencyId != request.AgencyId))
                continue;
            db.Notify(to, "procurement-status", () => $"Your procurement request is now {ProcurementText.Status(request.Status).ToLowerInvariant()}: {request.Title}",
                () => $"/Procurement/Details/{request.Id}");
        }
        foreach (var request in added.Where(r => r.CreatedByUserId is { } by && raisers.GetValueOrDefault(by) is { IsAgencyUser: true }))
        {
            if (await db.PrimaryPersonAsync(request.AgencyId, ct) is not { } primary)
                continue;
            if ((await db.RecipientsAsync([primary], ct)).GetValueOrDefault(primary) is { IsAgencyUser: false } manager)
                db.Notify(manager, "procurement-raised", () => $"New procurement request to assess: {request.Title}", () => $"/Procurement/Details/{request.Id}");
        }
        return false;
    }
}
