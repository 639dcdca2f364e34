using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Interactions;

internal sealed class InteractionInput : IVersionedInput
{
    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Date")]
    public DateOnly? OccurredOn { get; set; }

    [Display(Name = "Kind")]
    public InteractionKind Kind { get; set; } = InteractionKind.Meeting;

    [Display(Name = "Subject")]
    public string Subject { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Summary")]
    public string? Summary { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Follow-up")]
    public string? FollowUp { get; set; }

    [DataType(DataType.MultilineText)]
    [Display(Name = "Internal notes")]
    public string? InternalNotes { get; set; }

    [Display(Name = "Attendees")]
    [MaxItems(500)]
    public List<int> AttendeeIds { get; set => field = value ?? []; } = [];

    public int? Version { get; set; }

    public static InteractionInput From(Interaction i) => new()
    {
        AgencyId = i.AgencyId,
        OccurredOn = i.OccurredOn,
        Kind = i.Kind,
        Subject = i.Subject,
        Summary = i.Summary,
        FollowUp = i.FollowUp,
        InternalNotes = i.InternalNotes,
        AttendeeIds = i.Attendees.Select(a => a.PersonId).Order().ToList(),
        Version = i.Version,
    };

    public void ApplyTo(Interaction i)
    {
        i.AgencyId = AgencyId ?? 0;
        i.OccurredOn = OccurredOn ?? default;
        i.Kind = Kind;
        i.Subject = Subject.Trim();
        i.Summary = Validation.Clean(Summary);
        i.FollowUp = Validation.Clean(FollowUp);
        i.InternalNotes = Validation.Clean(InternalNotes);
        var wanted = AttendeeIds.Distinct().ToHashSet();
        i.Attendees.RemoveAll(a => !wanted.Contains(a.PersonId));
        foreach (var a in i.Attendees)
            a.OccurredOn = i.OccurredOn;
        foreach (var id in wanted.Where(id => i.Attendees.All(a => a.PersonId != id)))
            i.Attendees.Add(new InteractionAttendee { InteractionId = i.Id, PersonId = id, OccurredOn = i.OccurredOn });
    }
}

internal sealed class InteractionInputValidator : AbstractValidator<InteractionInput>
{
    public static readonly InteractionInputValidator Instance = new();

    public InteractionInputValidator()
    {
        RuleFor(i => i.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(i => i.OccurredOn).NotNull().WithMessage("Enter the date it happened.");
        RuleFor(i => i.Kind).IsInEnum().WithMessage("Choose what kind of interaction it was.");
        RuleFor(i => i.Subject).NotEmpty().WithMessage("Enter a subject: what it was about, in a few words.").MaximumLength(200);
        RuleFor(i => i.Summary).MaximumLength(8000);
        RuleFor(i => i.FollowUp).MaximumLength(4000);
        RuleFor(i => i.InternalNotes).MaximumLength(4000);
    }
}

/// <summary>Records and edits interactions, and keeps each contact's last touch (the cadence's clock) in step.</summary>
internal sealed class RecordInteraction(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
{
    public async Task<Result<Interaction>> CreateAsync(InteractionInput input, CancellationToken ct)
    {
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Interaction>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(null, input.AgencyId!.Value, ct))
            return Result<Interaction>.Forbidden();
        var interaction = new Interaction();
        input.ApplyTo(interaction);
        await using var write = await db.BeginWriteAsync(ct);
        db.Interactions.Add(interaction);
        await db.SaveChangesAsync(ct);
        await RefreshLastTouchAsync(input.AttendeeIds, ct);
        await write.CommitAsync(ct);
        return Result<Interaction>.Ok(interaction);
    }

    public async Task<Result<Interaction>> UpdateAsync(int id, InteractionInput input, CancellationToken ct)
    {
        var interaction = await access.FindAsync(db.Interactions.Include(i => i.Attendees), id, ct);
        if (interaction is null)
            return Result<Interaction>.NotFound();
        if (!await access.CanEditAgencyRecordsAsync(interaction.AgencyId, ct))
            return Result<Interaction>.Forbidden();
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<Interaction>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(interaction.AgencyId, input.AgencyId!.Value, ct))
            return Result<Interaction>.Forbidden();
        var touched = interaction.Attendees.Select(a => a.PersonId).Union(input.AttendeeIds).ToList();
        var names = await db.People.AsNoTracking().Where(p => touched.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);
        await using var write = await db.BeginWriteAsync(ct);
        var result = await Edits.SaveAsync(db, interaction, input.Version ?? 0, input, InteractionInput.From, input.ApplyTo, nameof(Interaction), id, ct,
            (field, value) => field == nameof(InteractionInput.AttendeeIds) && value is IEnumerable<int> ids
                ? string.Join(", ", ids.Select(i => names.GetValueOrDefault(i, $"#{i}")).Order())
                : value is string s ? Validation.Clean(s) : value?.ToString());
        if (result.IsOk)
        {
            await RefreshLastTouchAsync(touched, ct);
            await write.CommitAsync(ct);
        }
        return result;
    }

    public async Task<Result<Interaction>> GetAsync(int id, CancellationToken ct)
    {
        var interaction = await access.FindAsync(db.Interactions.AsNoTracking().Include(i => i.Agency)
            .Include(i => i.Attendees).ThenInclude(a => a.Person).ThenInclude(p => p!.Agency), id, ct);
        if (interaction is null)
            return Result<Interaction>.NotFound();
        if (!access.CanSeeInternalNotes)
            interaction.InternalNotes = null;
        return Result<Interaction>.Ok(interaction);
    }

    /// <summary>Sets each person's last touch to their latest interaction (their profile is created if they have none).</summary>
    internal async Task RefreshLastTouchAsync(IReadOnlyCollection<int> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0)
            return;
        var latest = await db.InteractionAttendees.Where(a => personIds.Contains(a.PersonId))
            .GroupBy(a => a.PersonId).Select(g => new { PersonId = g.Key, Last = g.Max(a => a.OccurredOn) }).ToListAsync(ct);
        var contacts = await db.People.IgnoreQueryFilters().Where(p => personIds.Contains(p.Id) && p.Kind == PersonKind.AgencyContact).Select(p => p.Id).ToListAsync(ct);
        var profiles = await db.StakeholderProfiles.IgnoreQueryFilters().Where(p => contacts.Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
        foreach (var personId in contacts)
        {
            var last = latest.FirstOrDefault(l => l.PersonId == personId)?.Last;
            if (!profiles.TryGetValue(personId, out var profile))
            {
                if (last is null)
                    continue;
                db.StakeholderProfiles.Add(profile = new StakeholderProfile { PersonId = personId });
            }
            profile.LastTouchOn = last;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(InteractionInput input, CancellationToken ct)
    {
        var errors = Validation.Check(InteractionInputValidator.Instance, input) ?? [];
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
            errors[nameof(InteractionInput.AgencyId)] = ["Choose an agency from the list."];
        if (input.OccurredOn is { } date && date > clock.Today.AddDays(1))
            errors[nameof(InteractionInput.OccurredOn)] = ["An interaction is recorded once it has happened; plan future ones as meetings."];
        var ids = input.AttendeeIds.Distinct().ToList();
        if (ids.Count > 0 && !errors.ContainsKey(nameof(InteractionInput.AttendeeIds)))
        {
            var found = await db.People.Where(p => ids.Contains(p.Id) && (p.AgencyId == input.AgencyId || p.Kind == PersonKind.ProviderStaff)).CountAsync(ct);
            if (found != ids.Count)
                errors[nameof(InteractionInput.AttendeeIds)] = ["Attendees are the agency's contacts or the provider's staff."];
        }
        return errors.Count == 0 ? null : errors;
    }
}

internal sealed record InteractionListQuery(
    string? Search = null,
    int? AgencyId = null,
    InteractionKind? Kind = null,
    int? PersonId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Sort = null,
    bool Desc = true,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record InteractionRow(int Id, DateOnly OccurredOn, InteractionKind Kind, string Subject, int AgencyId, string AgencyName, int AttendeeCount, string? Summary);

/// <summary>The interaction log, as filtered, a page at a time or whole for export.</summary>
internal sealed class ListInteractions(LiaisonDbContext db, ListCounts counts)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<Interaction>> Sorts = new Dictionary<string, SortOrder<Interaction>>
    {
        ["date"] = SortOrder<Interaction>.By(i => i.OccurredOn),
        ["agency"] = SortOrder<Interaction>.By(i => i.Agency!.Name).ThenBy(i => i.OccurredOn),
        ["kind"] = SortOrder<Interaction>.By(i => i.Kind).ThenBy(i => i.OccurredOn),
    };

    public Task<PagedResult<InteractionRow>> HandleAsync(InteractionListQuery query, CancellationToken ct) =>
        Rows(Filtered(query)).ToPageAsync(query, ct, counts);

    private IQueryable<Interaction> Filtered(InteractionListQuery query)
    {
        var items = db.Interactions.AsNoTracking();
        if (query.AgencyId is { } agencyId)
            items = items.Where(i => i.AgencyId == agencyId);
        if (query.Kind is { } kind)
            items = items.Where(i => i.Kind == kind);
        if (query.PersonId is { } personId)
            items = items.Where(i => i.Attendees.Any(a => a.PersonId == personId));
        if (query.From is { } from)
            items = items.Where(i => i.OccurredOn >= from);
        if (query.To is { } to)
            items = items.Where(i => i.OccurredOn <= to);
        if (Paging.SearchPattern(query.Search) is { } term)
            items = items.Where(i => i.SearchText.Contains(term));
        return items.Sorted(query, Sorts, "date", i => i.Id);
    }

    private static IQueryable<InteractionRow> Rows(IQueryable<Interaction> items) =>
        items.Select(i => new InteractionRow(i.Id, i.OccurredOn, i.Kind, i.Subject, i.AgencyId, i.Agency!.Name, i.Attendees.Count, i.Summary));

    public async Task<ExportFile> ExportAsync(InteractionListQuery query, ExportFormat format, bool includeInternal, DateTime now, CancellationToken ct)
    {
        var rows = await Filtered(query).Select(i => new
        {
            i.Id,
            i.OccurredOn,
            i.Kind,
            i.Subject,
            Agency = i.Agency!.Name,
            i.Summary,
            i.FollowUp,
            i.InternalNotes,
            Attendees = i.Attendees.Select(a => a.Person!.Email ?? (a.Person.FirstName + " " + a.Person.LastName)).ToList(),
        }).ToListAsync(ct);
        var export = rows.Select(r => new InteractionExportRow(r.Id, r.OccurredOn, InteractionKinds.Label(r.Kind), r.Agency, r.Subject,
            string.Join("; ", r.Attendees), r.Summary, r.FollowUp, includeInternal ? r.InternalNotes : null)).ToList();
        List<ExportColumn<InteractionExportRow>> columns =
        [
            new("Id", r => r.Id), new("Date", r => r.Date), new("Kind", r => r.Kind), new("Agency", r => r.Agency), new("Subject", r => r.Subject),
            new("Attendees", r => r.Attendees), new("Summary", r => r.Summary), new("Follow-up", r => r.FollowUp),
        ];
        if (includeInternal)
            columns.Add(new("Internal notes", r => r.InternalNotes));
        return TableExport.ToFile(export, columns, format, "interactions", now);
    }
}

internal sealed record InteractionExportRow(int Id, DateOnly Date, string Kind, string Agency, string Subject, string Attendees, string? Summary, string? FollowUp, string? InternalNotes);

internal static class InteractionKinds
{
    public static string Label(InteractionKind kind) => kind switch
    {
        InteractionKind.SiteVisit => "Site visit",
        InteractionKind.SteeringCommittee => "Steering committee",
        InteractionKind.HelpDeskLive => "Help desk live",
        InteractionKind.OpenHouse => "Open house",
        InteractionKind.Call => "Phone call",
        _ => kind.ToString(),
    };

    public static bool TryParse(string text, out InteractionKind kind)
    {
        var normalized = new string(text.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        foreach (var k in Enum.GetValues<InteractionKind>())
        {
            if (new string(Label(k).Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray()) == normalized || k.ToString().ToLowerInvariant() == normalized)
            {
                kind = k;
                return true;
            }
        }
        kind = normalized == "call" ? InteractionKind.Call : InteractionKind.Other;
        return normalized == "call";
    }
}
