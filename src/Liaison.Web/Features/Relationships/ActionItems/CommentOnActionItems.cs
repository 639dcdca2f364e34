using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.ActionItems;

internal sealed record CommentInput(string? Text);

internal sealed record CommentDto(int Id, string AuthorName, bool ByAgency, string Text, DateTime CreatedAt)
{
    public static CommentDto From(ActionItemComment c) => new(c.Id, c.AuthorName, c.ByAgency, c.Text, c.CreatedAt);
}

/// <summary>
/// Comments on an action item: read by whoever sees the item; written by those who may close it (its agency's staff
/// who edit it, and the agency contact who owns it). Who hears of a comment is <see cref="RelationshipNotifications"/>'
/// business, from the save, like every other notification.
/// </summary>
internal sealed class CommentOnActionItems(LiaisonDbContext db, ManageActionItems items, AccessRule access, TimeProvider clock)
{
    public async Task<Result<IReadOnlyList<ActionItemComment>>> ListAsync(int itemId, CancellationToken ct)
    {
        var item = await access.FindAsync(db.ActionItems.AsNoTracking(), itemId, ct);
        if (item is null)
            return Result<IReadOnlyList<ActionItemComment>>.NotFound();
        return Result<IReadOnlyList<ActionItemComment>>.Ok(await OfAsync(item, ct));
    }

    /// <summary>The comments of an item the caller has already found (so may see), oldest first.</summary>
    public async Task<IReadOnlyList<ActionItemComment>> OfAsync(ActionItem item, CancellationToken ct) =>
        await db.Set<ActionItemComment>().AsNoTracking().Where(c => c.ActionItemId == item.Id)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id).ToListAsync(ct);

    public async Task<Result<ActionItemComment>> AddAsync(int itemId, CommentInput input, CancellationToken ct)
    {
        var item = await access.FindAsync(db.ActionItems.AsNoTracking(), itemId, ct);
        if (item is null)
            return Result<ActionItemComment>.NotFound();
        if (!(await items.RightsAsync(item, ct)).Close)
            return Result<ActionItemComment>.Forbidden();
        var text = Validation.Clean(input.Text);
        if (text is null)
            return Result<ActionItemComment>.Invalid(nameof(CommentInput.Text), "Write the comment.");
        if (text.Length > ActionItemComment.MaxLength)
            return Result<ActionItemComment>.Invalid(nameof(CommentInput.Text), $"A comment is at most {ActionItemComment.MaxLength} characters; this one has {text.Length}.");
        var comment = new ActionItemComment
        {
            ActionItemId = itemId,
            AuthorUserId = access.User.Id,
            AuthorName = access.User.DisplayName.Length > 200 ? access.User.DisplayName[..200] : access.User.DisplayName,
            ByAgency = access.SpeaksForAgency,
            Text = text,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(comment);
        await db.SaveChangesAsync(ct);
        return Result<ActionItemComment>.Ok(comment);
    }
}
