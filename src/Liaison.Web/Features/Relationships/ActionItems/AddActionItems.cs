using System.ComponentModel.DataAnnotations;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.ActionItems;

/// <summary>One row of the "Add action items" form of a meeting or an interaction; a row left blank is no item.</summary>
internal sealed class ActionItemDraft
{
    [Display(Name = "Action")]
    public string? Title { get; set; }

    [Display(Name = "Owner")]
    public int? OwnerPersonId { get; set; }

    [Display(Name = "Due date")]
    public DateOnly? DueOn { get; set; }

    /// <summary>For a meeting with several agencies, whose item it is; otherwise the meeting's or interaction's agency.</summary>
    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Details")]
    public string? Details { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Details) && DueOn is null;
}

/// <summary>The rows of the form, or the API's body: <c>{ "items": [ { "title", "ownerPersonId", "dueOn" }, … ] }</c>.</summary>
internal sealed class ActionItemDrafts
{
    public List<ActionItemDraft>? Items { get; set; }
}

/// <summary>
/// Several action items from one meeting or interaction in one step, as a manager writes them down at the end of the
/// conversation: blank rows are skipped, every other row is checked under the same rules as one item at a time, and
/// the items are saved together or not at all (one audit entry each). Errors are keyed by row: <c>Items[2].Title</c>.
/// </summary>
internal sealed class AddActionItems(LiaisonDbContext db, ManageActionItems items, AccessRule access)
{
    public const int MaxItems = 50;

    public async Task<Result<IReadOnlyList<ActionItem>>> ToMeetingAsync(int meetingId, ActionItemDrafts input, CancellationToken ct)
    {
        var meeting = await access.FindAsync(db.Meetings.AsNoTracking().Include(m => m.Agencies), meetingId, ct);
        if (meeting is null)
            return Result<IReadOnlyList<ActionItem>>.NotFound();
        return await AddAsync(input, meeting.Agencies.Select(a => a.AgencyId).ToList(), meetingId, null, ct);
    }

    public async Task<Result<IReadOnlyList<ActionItem>>> ToInteractionAsync(int interactionId, ActionItemDrafts input, CancellationToken ct)
    {
        var interaction = await access.FindAsync(db.Interactions.AsNoTracking(), interactionId, ct);
        if (interaction is null)
            return Result<IReadOnlyList<ActionItem>>.NotFound();
        return await AddAsync(input, [interaction.AgencyId], null, interactionId, ct);
    }

    private async Task<Result<IReadOnlyList<ActionItem>>> AddAsync(ActionItemDrafts input, List<int> agencyIds, int? meetingId,
        int? interactionId, CancellationToken ct)
    {
        var drafts = input.Items ?? [];
        if (drafts.Count > MaxItems)
            return Result<IReadOnlyList<ActionItem>>.Invalid(nameof(ActionItemDrafts.Items), $"At most {MaxItems} action items at once.");
        var rows = drafts.Select((draft, index) => (Draft: draft, Index: index)).Where(r => r.Draft is not null && !r.Draft.IsBlank).ToList();
        if (rows.Count == 0)
            return Result<IReadOnlyList<ActionItem>>.Invalid(nameof(ActionItemDrafts.Items), "Write at least one action.");

        var errors = new Dictionary<string, string[]>();
        var inputs = new List<ActionItemInput>();
        foreach (var (draft, index) in rows)
        {
            var row = $"{nameof(ActionItemDrafts.Items)}[{index}]";
            var agencyId = draft.AgencyId ?? (agencyIds.Count == 1 ? agencyIds[0] : null);
            if (draft.AgencyId is { } chosen && !agencyIds.Contains(chosen))
            {
                errors[$"{row}.{nameof(ActionItemDraft.AgencyId)}"] = ["Choose one of the agencies it was with."];
                continue;
            }
            var item = new ActionItemInput
            {
                AgencyId = agencyId,
                Title = draft.Title ?? "",
                Details = draft.Details,
                OwnerPersonId = draft.OwnerPersonId,
                DueOn = draft.DueOn,
            };
            // The row's fields under the single item's rules; the meeting or interaction was found above, and the row's
            // agency is one of its, so it is not looked up again for every row.
            if (await items.ValidateAsync(item, ct) is { } problems)
            {
                foreach (var (field, messages) in problems)
                    errors[$"{row}.{field}"] = messages;
                continue;
            }
            item.MeetingId = meetingId;
            item.InteractionId = interactionId;
            inputs.Add(item);
        }
        if (errors.Count > 0)
            return Result<IReadOnlyList<ActionItem>>.Invalid(errors);
        foreach (var agencyId in inputs.Select(i => i.AgencyId!.Value).Distinct())
        {
            if (!await access.CanWriteAgencyRecordAsync(null, agencyId, ct))
                return Result<IReadOnlyList<ActionItem>>.Forbidden();
        }

        var added = inputs.Select(input =>
        {
            var item = new ActionItem();
            ManageActionItems.Apply(input, item, items.Today);
            return item;
        }).ToList();
        db.ActionItems.AddRange(added);
        await db.SaveChangesAsync(ct);
        return Result<IReadOnlyList<ActionItem>>.Ok(added);
    }
}

/// <summary>A page that offers the "Add action items" rows (a meeting's, an interaction's): what the partial needs.</summary>
internal interface IAddsActionItems
{
    ActionItemDrafts NewActions { get; }

    /// <summary>Who may own an item: the agencies' contacts, then staff.</summary>
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> OwnerOptions { get; }

    /// <summary>The agencies an item can be for; a choice only when there are several.</summary>
    IReadOnlyList<Microsoft.AspNetCore.Mvc.Rendering.SelectListItem> ItemAgencies { get; }
}

/// <summary>The rows the form shows: those posted, as typed and at the same index (errors are keyed by it), then blank ones owned by the user.</summary>
internal static class ActionItemRows
{
    public const int Blank = 3;

    public static void Prepare(ActionItemDrafts drafts, int? me, int rows)
    {
        drafts.Items ??= [];
        if (drafts.Items.Count > AddActionItems.MaxItems)
            drafts.Items.RemoveRange(AddActionItems.MaxItems, drafts.Items.Count - AddActionItems.MaxItems);
        for (var i = 0; i < drafts.Items.Count; i++)
            drafts.Items[i] ??= new ActionItemDraft { OwnerPersonId = me };
        while (drafts.Items.Count < Math.Min(rows, AddActionItems.MaxItems))
            drafts.Items.Add(new ActionItemDraft { OwnerPersonId = me });
    }

    /// <summary>
    /// The "Add these action items" handler of the pages that offer the rows: on success, back to the page's action
    /// items with a message; on a problem, the page again (<paramref name="show"/>, given how many rows) with the rows as
    /// typed and each error beside its field. A value the form could not read (a date that is not one) saves nothing.
    /// </summary>
    public static async Task<IActionResult> AddAsync(PageModel page, int id, Func<Task<Result<IReadOnlyList<ActionItem>>>> add,
        Func<int, Task<IActionResult>> show)
    {
        if (page.ModelState.Any(e => e.Key.StartsWith(nameof(IAddsActionItems.NewActions), StringComparison.Ordinal) && e.Value?.Errors.Count > 0))
            return await show(Blank);
        var result = await add();
        if (result.IsOk)
        {
            var count = result.Value!.Count;
            page.TempData["Status"] = count == 1 ? "1 action item has been added." : $"{count} action items have been added.";
            return page.RedirectToPage(null, null, new { id }, "action-items");
        }
        if (page.Refusal(result) is { } refusal)
            return refusal;
        page.ModelState.AddErrors(result.Errors, nameof(IAddsActionItems.NewActions));
        return await show(Blank);
    }

    /// <summary>"More rows": three more blank rows, keeping what was typed (works without script).</summary>
    public static Task<IActionResult> MoreAsync(PageModel page, ActionItemDrafts drafts, Func<int, Task<IActionResult>> show)
    {
        page.ModelState.Clear();
        return show((drafts.Items?.Count ?? 0) + Blank);
    }
}
