using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.ActionItems;

/// <summary>Several action items at once: their ids, and for a reassignment the new owner.</summary>
internal sealed record BulkActionInput(IReadOnlyList<int>? Ids, int? OwnerPersonId = null);

/// <summary>An item a bulk change left alone, and why.</summary>
internal sealed record BulkRefusal(int Id, string Reason);

/// <summary>What a bulk change did: how many items changed, and those it left alone with the reason.</summary>
internal sealed record BulkOutcome(int Changed, IReadOnlyList<BulkRefusal> Refused);

/// <summary>
/// Closes or reassigns several action items in one save, each under the same rule as one at a time (closing: its
/// agency's managers, staff who edit it, its agency-side owner; reassigning: those who may edit it, to a member of staff
/// or one of its agency's contacts). Each changed item gets its own audit entry; an item the rule refuses is reported,
/// not changed, and does not stop the others.
/// </summary>
internal sealed class ChangeActionItemsInBulk(LiaisonDbContext db, ManageActionItems items, OrganisationClock clock)
{
    public const int MaxItems = 200;

    public Task<Result<BulkOutcome>> CloseAsync(BulkActionInput input, CancellationToken ct) =>
        ChangeAsync(input, async item => (await items.RightsAsync(item, ct)).Close ? null : "You may not close it.", item =>
        {
            if (!item.IsOpen)
                return false;
            item.Status = ActionStatus.Done;
            item.CompletedOn = clock.Today;
            return true;
        }, ct);

    public async Task<Result<BulkOutcome>> ReassignAsync(BulkActionInput input, CancellationToken ct)
    {
        if (input.OwnerPersonId is not { } ownerId)
            return Result<BulkOutcome>.Invalid(nameof(BulkActionInput.OwnerPersonId), "Choose the new owner.");
        var owner = await db.People.AsNoTracking().Where(p => p.Id == ownerId && p.IsActive)
            .Select(p => new { p.Kind, p.AgencyId }).FirstOrDefaultAsync(ct);
        if (owner is null)
            return Result<BulkOutcome>.Invalid(nameof(BulkActionInput.OwnerPersonId), "Choose the new owner from the list.");
        return await ChangeAsync(input, async item =>
            !(await items.RightsAsync(item, ct)).Edit ? "You may not edit it."
            : owner.Kind != PersonKind.ProviderStaff && owner.AgencyId != item.AgencyId ? "The new owner is not a contact of its agency."
            : null, item =>
        {
            if (item.OwnerPersonId == ownerId)
                return false;
            item.OwnerPersonId = ownerId;
            return true;
        }, ct);
    }

    private async Task<Result<BulkOutcome>> ChangeAsync(BulkActionInput input, Func<ActionItem, Task<string?>> refusal, Func<ActionItem, bool> change,
        CancellationToken ct)
    {
        var ids = (input.Ids ?? []).Distinct().ToList();
        if (ids.Count is 0 or > MaxItems)
            return Result<BulkOutcome>.Invalid(nameof(BulkActionInput.Ids), $"Choose between 1 and {MaxItems} action items.");
        var actionItems = db.ActionItems;
        var found = await actionItems.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var refused = new List<BulkRefusal>();
        var changed = 0;
        foreach (var id in ids)
        {
            if (!found.TryGetValue(id, out var item))
                refused.Add(new BulkRefusal(id, "It does not exist, or you cannot see it."));
            else if (await refusal(item) is { } reason)
                refused.Add(new BulkRefusal(id, reason));
            else if (change(item))
                changed++;
        }
        if (changed > 0)
            await db.SaveChangesAsync(ct);
        return Result<BulkOutcome>.Ok(new BulkOutcome(changed, refused));
    }
}
