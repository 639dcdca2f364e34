using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Interactions;
using Liaison.Web.Features.Relationships.Meetings;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.ActionItems;

internal sealed class ActionItemInput : IVersionedInput
{
    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Action")]
    public string Title { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Details")]
    public string? Details { get; set; }

    [Display(Name = "Owner")]
    public int? OwnerPersonId { get; set; }

    [Display(Name = "Due date")]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Status")]
    public ActionStatus Status { get; set; } = ActionStatus.Open;

    public int? MeetingId { get; set; }
    public int? InteractionId { get; set; }
    public int? Version { get; set; }

    public static ActionItemInput From(ActionItem a) => new()
    {
        AgencyId = a.AgencyId,
        Title = a.Title,
        Details = a.Details,
        OwnerPersonId = a.OwnerPersonId,
        DueOn = a.DueOn,
        Status = a.Status,
        MeetingId = a.MeetingId,
        InteractionId = a.InteractionId,
        Version = a.Version,
    };
}

internal sealed class ActionItemInputValidator : AbstractValidator<ActionItemInput>
{
    public static readonly ActionItemInputValidator Instance = new();

    public ActionItemInputValidator()
    {
        RuleFor(a => a.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(a => a.Title).NotEmpty().WithMessage("Say what is to be done.").MaximumLength(300);
        RuleFor(a => a.Details).MaximumLength(4000);
        RuleFor(a => a.OwnerPersonId).NotNull().WithMessage("Choose who owns it: a member of staff or one of the agency's contacts.");
        RuleFor(a => a.Status).IsInEnum();
    }
}

internal sealed record ActionItemListQuery(
    string? Search = null,
    int? AgencyId = null,
    int? OwnerPersonId = null,
    string? Status = null,
    string? Due = null,
    int? MeetingId = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record ActionItemRow(int Id, string Title, int AgencyId, string AgencyName, int OwnerPersonId, string OwnerName, DateOnly? DueOn,
    ActionStatus Status, int? MeetingId, string? MeetingTitle, int? InteractionId)
{
    public bool IsLate(DateOnly today) => Status is ActionStatus.Open or ActionStatus.InProgress && DueOn < today;
}

/// <summary>The action items log: create, edit, close; list across meetings and interactions; export.</summary>
internal sealed class ManageActionItems(LiaisonDbContext db, AccessRule access, OrganisationClock clock, ListCounts counts)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<ActionItem>> Sorts = new Dictionary<string, SortOrder<ActionItem>>
    {
        ["due"] = SortOrder<ActionItem>.By(a => a.DueOn == null).ThenBy(a => a.DueOn),
        ["agency"] = SortOrder<ActionItem>.By(a => a.Agency!.Name).ThenBy(a => a.DueOn),
        ["owner"] = SortOrder<ActionItem>.By(a => a.Owner!.LastName).ThenBy(a => a.DueOn),
        ["status"] = SortOrder<ActionItem>.By(a => a.Status).ThenBy(a => a.DueOn),
    };

    internal DateOnly Today => clock.Today;

    public Task<PagedResult<ActionItemRow>> ListAsync(ActionItemListQuery query, CancellationToken ct) =>
        Rows(Filtered(query)).ToPageAsync(query, ct, counts);

    public IQueryable<ActionItem> Filtered(ActionItemListQuery query)
    {
        var items = db.ActionItems.AsNoTracking();
        items = (query.Status ?? "open").ToLowerInvariant() switch
        {
            "done" => items.Where(a => a.Status == ActionStatus.Done),
            "cancelled" => items.Where(a => a.Status == ActionStatus.Cancelled),
            "all" => items,
            _ => items.Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress),
        };
        var today = Today;
        var nextWeek = today.AddDays(7);
        items = (query.Due ?? "").ToLowerInvariant() switch
        {
            "late" => items.Where(a => a.DueOn < today),
            "week" => items.Where(a => a.DueOn >= today && a.DueOn <= nextWeek),
            "none" => items.Where(a => a.DueOn == null),
            _ => items,
        };
        if (query.AgencyId is { } agencyId)
            items = items.Where(a => a.AgencyId == agencyId);
        if (query.OwnerPersonId is { } ownerId)
            items = items.Where(a => a.OwnerPersonId == ownerId);
        if (query.MeetingId is { } meetingId)
            items = items.Where(a => a.MeetingId == meetingId);
        if (Paging.SearchPattern(query.Search) is { } term)
            items = items.Where(a => a.SearchText.Contains(term));
        return items.Sorted(query, Sorts, "due", a => a.Id);
    }

    public static IQueryable<ActionItemRow> Rows(IQueryable<ActionItem> items) => items.Select(a => new ActionItemRow(
        a.Id, a.Title, a.AgencyId, a.Agency!.Name, a.OwnerPersonId, a.Owner!.FirstName + " " + a.Owner.LastName, a.DueOn, a.Status,
        a.MeetingId, a.Meeting!.Title, a.InteractionId));

    public async Task<ExportFile> ExportAsync(ActionItemListQuery query, ExportFormat format, CancellationToken ct)
    {
        var rows = await Rows(Filtered(query)).ToListAsync(ct);
        var today = Today;
        return TableExport.ToFile(rows,
        [
            new ExportColumn<ActionItemRow>("Id", r => r.Id),
            new("Action", r => r.Title),
            new("Agency", r => r.AgencyName),
            new("Owner", r => r.OwnerName),
            new("Due", r => r.DueOn),
            new("Status", r => ActionStatuses.Label(r.Status)),
            new("Late", r => r.IsLate(today)),
            new("Meeting", r => r.MeetingTitle),
        ], format, "action-items", clock.UtcNow);
    }

    public async Task<Result<ActionItem>> GetAsync(int id, CancellationToken ct)
    {
        var item = await access.FindAsync(db.ActionItems.AsNoTracking().Include(a => a.Agency).Include(a => a.Owner)
            .Include(a => a.Meeting).Include(a => a.Interaction), id, ct);
        return item is null ? Result<ActionItem>.NotFound() : Result<ActionItem>.Ok(item);
    }

    /// <summary>Whether the current user may edit the item, or only close it (its agency-side owner), or neither.</summary>
    public async Task<(bool Edit, bool Close)> RightsAsync(ActionItem item, CancellationToken ct)
    {
        var edit = await access.CanEditAgencyRecordsAsync(item.AgencyId, ct);
        var close = edit || (item.OwnerPersonId == access.User.PersonId && access.User.PersonId is not null);
        return (edit, close);
    }

    public async Task<Result<ActionItem>> CreateAsync(ActionItemInput input, CancellationToken ct)
    {
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<ActionItem>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(null, input.AgencyId!.Value, ct))
            return Result<ActionItem>.Forbidden();
        var item = new ActionItem();
        Apply(input, item, Today);
        db.ActionItems.Add(item);
        await db.SaveChangesAsync(ct);
        return Result<ActionItem>.Ok(item);
    }

    public async Task<Result<ActionItem>> UpdateAsync(int id, ActionItemInput input, CancellationToken ct)
    {
        var item = await access.FindAsync(db.ActionItems, id, ct);
        if (item is null)
            return Result<ActionItem>.NotFound();
        if (!await access.CanEditAgencyRecordsAsync(item.AgencyId, ct))
            return Result<ActionItem>.Forbidden();
        if (await ValidateAsync(input, ct, item) is { } errors)
            return Result<ActionItem>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(item.AgencyId, input.AgencyId!.Value, ct))
            return Result<ActionItem>.Forbidden();
        var owners = await db.People.AsNoTracking().Where(p => p.Id == item.OwnerPersonId || p.Id == input.OwnerPersonId)
            .ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);
        return await Edits.SaveAsync(db, item, input.Version ?? 0, input, ActionItemInput.From, i => Apply(input, i, Today), nameof(ActionItem), id, ct,
            (field, value) => field == nameof(ActionItemInput.OwnerPersonId) && value is int ownerId ? owners.GetValueOrDefault(ownerId) : value is string s ? Validation.Clean(s) : value?.ToString());
    }

    /// <summary>Marks an item done: its staff, its agency's relationship managers, or the agency contact who owns it.</summary>
    public async Task<Result<ActionItem>> CloseAsync(int id, CancellationToken ct)
    {
        var item = await access.FindAsync(db.ActionItems, id, ct);
        if (item is null)
            return Result<ActionItem>.NotFound();
        if (!(await RightsAsync(item, ct)).Close)
            return Result<ActionItem>.Forbidden();
        if (item.IsOpen)
        {
            item.Status = ActionStatus.Done;
            item.CompletedOn = Today;
            await db.SaveChangesAsync(ct);
        }
        return Result<ActionItem>.Ok(item);
    }

    internal static void Apply(ActionItemInput input, ActionItem item, DateOnly today)
    {
        item.AgencyId = input.AgencyId ?? 0;
        item.Title = input.Title.Trim();
        item.Details = Validation.Clean(input.Details);
        item.OwnerPersonId = input.OwnerPersonId ?? 0;
        item.DueOn = input.DueOn;
        item.MeetingId = input.MeetingId ?? item.MeetingId;
        item.InteractionId = input.InteractionId ?? item.InteractionId;
        var wasOpen = item.IsOpen;
        item.Status = input.Status;
        if (wasOpen && !item.IsOpen)
            item.CompletedOn = today;
        else if (item.IsOpen)
            item.CompletedOn = null;
    }

    internal async Task<Dictionary<string, string[]>?> ValidateAsync(ActionItemInput input, CancellationToken ct, ActionItem? current = null)
    {
        var errors = Validation.Check(ActionItemInputValidator.Instance, input) ?? [];
        // The meeting or interaction it came from (kept when the input leaves it out): one the user can see, of the item's agency.
        if ((input.MeetingId ?? current?.MeetingId) is { } meetingId && input.AgencyId is { } forAgency
            && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.Agencies.Any(a => a.AgencyId == forAgency), ct))
            errors[nameof(ActionItemInput.MeetingId)] = ["The meeting is not one you can see, or it is not with this agency."];
        if ((input.InteractionId ?? current?.InteractionId) is { } interactionId && input.AgencyId is { } ofAgency
            && !await db.Interactions.AnyAsync(i => i.Id == interactionId && i.AgencyId == ofAgency, ct))
            errors[nameof(ActionItemInput.InteractionId)] = ["The interaction is not one you can see, or it is not with this agency."];
        if (input.OwnerPersonId is { } ownerId && input.AgencyId is { } agencyId
            && !await db.People.AnyAsync(p => p.Id == ownerId && p.IsActive && (p.Kind == PersonKind.ProviderStaff || p.AgencyId == agencyId), ct))
            errors[nameof(ActionItemInput.OwnerPersonId)] = ["The owner is a member of staff or one of this agency's contacts."];
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            errors[nameof(ActionItemInput.AgencyId)] = ["Choose an agency from the list."];
        return errors.Count == 0 ? null : errors;
    }
}

internal static class ActionStatuses
{
    public static string Label(ActionStatus status) => status == ActionStatus.InProgress ? "In progress" : status.ToString();
}
