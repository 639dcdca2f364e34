using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq.Expressions;
using FluentValidation;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio.QuickWins;

internal sealed class QuickWinInput : IVersionedInput
{
    [Display(Name = "Task name")]
    public string TaskName { get; set => field = value ?? ""; } = "";

    [DataType(DataType.MultilineText)]
    [Display(Name = "Task description")]
    public string? Description { get; set; }

    [Display(Name = "Agency")]
    public int? AgencyId { get; set; }

    [Display(Name = "Relationship manager")]
    public int? RelationshipManagerPersonId { get; set; }

    [Display(Name = "Contributing staff")]
    [MaxItems(100)]
    public List<int> ContributorIds { get; set; } = [];

    [DataType(DataType.MultilineText)]
    [Display(Name = "Benefit to the agency")]
    public string? Benefit { get; set; }

    [Display(Name = "Date completed")]
    public DateOnly? CompletedOn { get; set; }

    public int? Version { get; set; }

    public static QuickWinInput From(QuickWin q) => new()
    {
        TaskName = q.TaskName,
        Description = q.Description,
        AgencyId = q.AgencyId,
        RelationshipManagerPersonId = q.RelationshipManagerPersonId,
        ContributorIds = q.Contributors.Select(c => c.PersonId).Order().ToList(),
        Benefit = q.Benefit,
        CompletedOn = q.CompletedOn,
        Version = q.Version,
    };

    public void ApplyTo(QuickWin q)
    {
        q.TaskName = TaskName.Trim();
        q.Description = Validation.Clean(Description);
        q.AgencyId = AgencyId ?? 0;
        q.RelationshipManagerPersonId = RelationshipManagerPersonId;
        q.Benefit = Validation.Clean(Benefit);
        q.CompletedOn = CompletedOn ?? default;
        var wanted = ContributorIds.Distinct().ToHashSet();
        q.Contributors.RemoveAll(c => !wanted.Contains(c.PersonId));
        foreach (var id in wanted.Where(id => q.Contributors.All(c => c.PersonId != id)))
            q.Contributors.Add(new QuickWinContributor { QuickWinId = q.Id, PersonId = id });
    }
}

internal sealed class QuickWinInputValidator : AbstractValidator<QuickWinInput>
{
    public static readonly QuickWinInputValidator Instance = new();

    public QuickWinInputValidator()
    {
        RuleFor(q => q.TaskName).NotEmpty().WithMessage("Name the task.").MaximumLength(200);
        RuleFor(q => q.Description).MaximumLength(4000);
        RuleFor(q => q.Benefit).MaximumLength(4000);
        RuleFor(q => q.AgencyId).NotNull().WithMessage("Choose the agency.");
        RuleFor(q => q.CompletedOn).NotNull().WithMessage("Give the date it was completed.");
        RuleFor(q => q.ContributorIds).NotEmpty().WithMessage("Choose at least one member of staff who contributed.");
    }
}

internal sealed record QuickWinListQuery(
    string? Search = null,
    int? AgencyId = null,
    int? ManagerPersonId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    string? Sort = null,
    bool Desc = false,
    int Page = 1,
    int PageSize = Paging.DefaultPageSize) : IListQuery;

internal sealed record QuickWinRow(int Id, string TaskName, string? Description, int AgencyId, string AgencyName, string? ManagerName, string Contributors,
    string? Benefit, DateOnly CompletedOn);

/// <summary>The executives' summary: quick wins by agency and by month over a period.</summary>
internal sealed record QuickWinSummary(DateOnly From, DateOnly To, int Total, IReadOnlyList<(string Agency, int Count)> ByAgency, IReadOnlyList<(DateOnly Month, int Count)> ByMonth);

/// <summary>The quick wins log: internal to the provider; written by the agency's relationship managers and administrators.</summary>
internal sealed class ManageQuickWins(LiaisonDbContext db, AccessRule access, ListCounts counts, DerivedCache cache, OrganisationClock clock)
{
    private static readonly IReadOnlyDictionary<string, SortOrder<QuickWin>> Sorts = new Dictionary<string, SortOrder<QuickWin>>
    {
        ["completed"] = SortOrder<QuickWin>.By(q => q.CompletedOn),
        ["task"] = SortOrder<QuickWin>.By(q => q.TaskName),
        ["agency"] = SortOrder<QuickWin>.By(q => q.Agency!.Name).ThenBy(q => q.CompletedOn),
    };

    private DateOnly Today => clock.Today;

    public bool MaySee => access.User.IsProviderUser;

    public async Task<Result<PagedResult<QuickWinRow>>> ListAsync(QuickWinListQuery query, CancellationToken ct)
    {
        if (!MaySee)
            return Result<PagedResult<QuickWinRow>>.Forbidden();
        var page = await Rows(Filtered(query)).ToPageAsync(query, ct, counts);
        var ids = page.Items.Select(r => r.Id).ToList();
        return Result<PagedResult<QuickWinRow>>.Ok(page with { Items = await WithContributorsAsync(page.Items, c => ids.Contains(c.QuickWinId), ct) });
    }

    private IQueryable<QuickWin> Filtered(QuickWinListQuery query)
    {
        var items = db.QuickWins.AsNoTracking();
        if (query.AgencyId is { } agencyId)
            items = items.Where(q => q.AgencyId == agencyId);
        if (query.ManagerPersonId is { } managerId)
            items = items.Where(q => q.RelationshipManagerPersonId == managerId);
        if (query.From is { } from)
            items = items.Where(q => q.CompletedOn >= from);
        if (query.To is { } to)
            items = items.Where(q => q.CompletedOn <= to);
        if (Paging.SearchPattern(query.Search) is { } term)
            items = items.Where(q => q.SearchText.Contains(term));
        return items.Sorted(query with { Desc = query.Sort is null || query.Desc }, Sorts, "completed", q => q.Id);
    }

    /// <summary>The rows without their contributors: see <see cref="WithContributorsAsync"/>.</summary>
    private static IQueryable<QuickWinRow> Rows(IQueryable<QuickWin> items) => items.Select(q => new QuickWinRow(q.Id, q.TaskName, q.Description, q.AgencyId,
        q.Agency!.Name, q.RelationshipManager!.FirstName + " " + q.RelationshipManager.LastName, "", q.Benefit, q.CompletedOn));

    /// <summary>
    /// Fills in the contributing staff, by name, from a second query over the contributors <paramref name="of"/> the
    /// rows: joined into the first, the database would read every contributor of the log for one page of it.
    /// </summary>
    private async Task<IReadOnlyList<QuickWinRow>> WithContributorsAsync(IReadOnlyList<QuickWinRow> rows,
        Expression<Func<QuickWinContributor, bool>> of, CancellationToken ct)
    {
        if (rows.Count == 0)
            return rows;
        var names = (await db.QuickWinContributors.AsNoTracking().Where(of)
                .Select(c => new { c.QuickWinId, Name = c.Person!.FirstName + " " + c.Person.LastName }).ToListAsync(ct))
            .ToLookup(c => c.QuickWinId, c => c.Name);
        return rows.Select(r => r with { Contributors = string.Join(", ", names[r.Id].Order(StringComparer.CurrentCultureIgnoreCase)) }).ToList();
    }

    public static IReadOnlyList<ExportColumn<QuickWinRow>> Columns =>
    [
        new("Id", r => r.Id),
        new("Task name", r => r.TaskName),
        new("Task description", r => r.Description),
        new("Agency", r => r.AgencyName),
        new("Relationship manager", r => r.ManagerName),
        new("Contributing staff", r => r.Contributors),
        new("Benefit to the agency", r => r.Benefit),
        new("Date completed", r => r.CompletedOn),
    ];

    public async Task<Result<ExportFile>> ExportAsync(QuickWinListQuery query, ExportFormat format, CancellationToken ct)
    {
        if (!MaySee)
            return Result<ExportFile>.Forbidden();
        var filtered = Filtered(query);
        var ids = filtered.Select(q => q.Id);
        var rows = await WithContributorsAsync(await Rows(filtered).ToListAsync(ct), c => ids.Contains(c.QuickWinId), ct);
        return Result<ExportFile>.Ok(TableExport.ToFile(rows, Columns, format, "quick-wins", clock.UtcNow));
    }

    /// <summary>Counts by agency and by month over a period (the last twelve months by default), kept until the next save.</summary>
    public async Task<Result<QuickWinSummary>> SummaryAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (!MaySee)
            return Result<QuickWinSummary>.Forbidden();
        if ((from is { } f && !InputRules.IsInRange(f)) || (to is { } t && !InputRules.IsInRange(t)))
            return Result<QuickWinSummary>.Invalid(from is { } bad && !InputRules.IsInRange(bad) ? "from" : "to", InputRules.DateRangeMessage);
        var end = to ?? Today;
        var start = from ?? new DateOnly(end.Year, end.Month, 1).AddMonths(-11);
        return Result<QuickWinSummary>.Ok(await cache.GetAsync($"quick-wins-summary:{start:yyyy-MM-dd}:{end:yyyy-MM-dd}", () => ComputeSummaryAsync(start, end, ct)));
    }

    private async Task<QuickWinSummary> ComputeSummaryAsync(DateOnly start, DateOnly end, CancellationToken ct)
    {
        var period = db.QuickWins.AsNoTracking().Where(q => q.CompletedOn >= start && q.CompletedOn <= end);
        // Counted by agency id and by day from the covering indexes, then named and folded into months here: joining
        // every quick win to its agency, or taking each date apart in SQL, would cost more than the counting.
        var byAgencyId = await period.GroupBy(q => q.AgencyId).Select(g => new { AgencyId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var agencyIds = byAgencyId.Select(a => a.AgencyId).ToList();
        var names = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        var byAgency = byAgencyId.Select(a => (Key: names.GetValueOrDefault(a.AgencyId, $"Agency #{a.AgencyId}"), a.Count))
            .OrderByDescending(a => a.Count).ThenBy(a => a.Key, StringComparer.CurrentCultureIgnoreCase).ToList();
        var byDay = await period.GroupBy(q => q.CompletedOn).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var byMonth = byDay.GroupBy(d => new DateOnly(d.Day.Year, d.Day.Month, 1)).ToDictionary(g => g.Key, g => g.Sum(d => d.Count));
        var months = new List<(DateOnly, int)>();
        for (var month = new DateOnly(start.Year, start.Month, 1); month <= end; month = month.AddMonths(1))
            months.Add((month, byMonth.GetValueOrDefault(month)));
        return new QuickWinSummary(start, end, byAgency.Sum(a => a.Count), byAgency.Select(a => (a.Key, a.Count)).ToList(), months);
    }

    public async Task<Result<QuickWin>> GetAsync(int id, CancellationToken ct)
    {
        if (!MaySee)
            return Result<QuickWin>.NotFound();
        var item = await access.FindAsync(db.QuickWins.AsNoTracking().Include(q => q.Agency).Include(q => q.RelationshipManager)
            .Include(q => q.Contributors).ThenInclude(c => c.Person), id, ct);
        return item is null ? Result<QuickWin>.NotFound() : Result<QuickWin>.Ok(item);
    }

    public Task<bool> CanEditAsync(int agencyId, CancellationToken ct) => access.CanEditAgencyRecordsAsync(agencyId, ct);

    public async Task<Result<QuickWin>> CreateAsync(QuickWinInput input, CancellationToken ct)
    {
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<QuickWin>.Invalid(errors);
        if (!MaySee || !await access.CanWriteAgencyRecordAsync(null, input.AgencyId!.Value, ct))
            return Result<QuickWin>.Forbidden();
        input.RelationshipManagerPersonId ??= await db.PrimaryPersonAsync(input.AgencyId!.Value, ct);
        var item = new QuickWin();
        input.ApplyTo(item);
        db.QuickWins.Add(item);
        await db.SaveChangesAsync(ct);
        return Result<QuickWin>.Ok(item);
    }

    public async Task<Result<QuickWin>> UpdateAsync(int id, QuickWinInput input, CancellationToken ct)
    {
        if (!MaySee)
            return Result<QuickWin>.NotFound();
        var item = await access.FindAsync(db.QuickWins.Include(q => q.Contributors), id, ct);
        if (item is null)
            return Result<QuickWin>.NotFound();
        if (!await access.CanEditAgencyRecordsAsync(item.AgencyId, ct))
            return Result<QuickWin>.Forbidden();
        if (await ValidateAsync(input, ct) is { } errors)
            return Result<QuickWin>.Invalid(errors);
        if (!await access.CanWriteAgencyRecordAsync(item.AgencyId, input.AgencyId!.Value, ct))
            return Result<QuickWin>.Forbidden();
        return await Edits.SaveAsync(db, item, input.Version ?? 0, input, QuickWinInput.From, input.ApplyTo, nameof(QuickWin), id, ct);
    }

    private async Task<Dictionary<string, string[]>?> ValidateAsync(QuickWinInput input, CancellationToken ct)
    {
        var errors = Validation.Check(QuickWinInputValidator.Instance, input) ?? [];
        if (input.AgencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
            errors[nameof(QuickWinInput.AgencyId)] = ["Choose an agency from the list."];
        if (input.CompletedOn > Today)
            errors[nameof(QuickWinInput.CompletedOn)] = ["A quick win is logged once it is done."];
        var ids = input.ContributorIds.Distinct().ToList();
        if (ids.Count > 0 && !errors.ContainsKey(nameof(QuickWinInput.ContributorIds)) && await db.People.CountAsync(p => ids.Contains(p.Id) && p.Kind == PersonKind.ProviderStaff, ct) != ids.Count)
            errors[nameof(QuickWinInput.ContributorIds)] = ["Contributors are members of the provider's staff."];
        if (input.RelationshipManagerPersonId is { } rm && !await db.People.AnyAsync(p => p.Id == rm && p.Kind == PersonKind.ProviderStaff, ct))
            errors[nameof(QuickWinInput.RelationshipManagerPersonId)] = ["Choose a member of the provider's staff."];
        return errors.Count == 0 ? null : errors;
    }
}

/// <summary>Imports a quick wins log: a row with an Id, or the same task, agency and date as one logged, updates it; every row or none.</summary>
internal sealed class ImportQuickWins(LiaisonDbContext db, AccessRule access, OrganisationClock clock)
{
    public const string Kind = "quick-wins";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Id", "Id", false),
        new("Task", "Task name", true, "Task", "Quick win"),
        new("Description", "Task description", false, "Description"),
        new("Agency", "Agency", true, "Partner agency", "Agency name"),
        new("Manager", "Relationship manager", false, "ARM", "OTS ARM"),
        new("Contributors", "Contributing staff", true, "Contributors", "OTS resources", "Resources", "OTS resource(s) contributing to a quick win"),
        new("Benefit", "Benefit to the agency", false, "Benefit", "Benefit to the partner agency"),
        new("CompletedOn", "Date completed", true, "Completed", "Completed on", "Date"),
    ];

    private sealed record Planned(int? Id, QuickWinInput Input);

    public async Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct) =>
        access.User.IsProviderUser ? Result<ImportPreview>.Ok((await PlanAsync(content, fileName, columns, ct)).Preview) : Result<ImportPreview>.Forbidden();

    public async Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        if (!access.User.IsProviderUser)
            return Result<ImportOutcome>.Forbidden();
        var (preview, plan) = await PlanAsync(content, fileName, columns, ct);
        if (!preview.CanImport)
            return Result<ImportOutcome>.Invalid(preview.Errors());
        await using var write = await db.BeginWriteAsync(ct);
        var ids = plan.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
        var existing = await db.QuickWins.Include(q => q.Contributors).Where(q => EF.Parameter(ids).Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        foreach (var row in plan)
        {
            var item = row.Id is { } id ? existing[id] : new QuickWin();
            if (row.Id is not null && !preview.ColumnMap.ContainsKey("Manager"))
                row.Input.RelationshipManagerPersonId = item.RelationshipManagerPersonId;
            row.Input.ApplyTo(item);
            if (row.Id is null)
                db.QuickWins.Add(item);
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return Result<ImportOutcome>.Ok(new ImportOutcome(preview.CreateCount, preview.UpdateCount));
    }

    private async Task<(ImportPreview Preview, List<Planned> Plan)> PlanAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        var (sheet, failure) = MatchedSheet.Read(content, fileName, Fields, columns);
        if (sheet is null)
            return (failure!, []);
        var agencies = await AgencyNames.LoadAsync(db, ct);
        var staff = await StaffNames.LoadAsync(db, ct);
        var known = await db.QuickWins.AsNoTracking().Select(q => new { q.Id, q.TaskName, q.AgencyId, q.CompletedOn, q.Version }).ToListAsync(ct);
        var byId = known.ToDictionary(q => q.Id);
        var byKey = known.GroupBy(q => (q.AgencyId, q.TaskName.ToUpperInvariant(), q.CompletedOn)).ToDictionary(g => g.Key, g => g.First());
        var primaries = await db.PrimaryPeopleByAgencyAsync(ct);
        var today = clock.Today;
        var plan = new List<Planned>();
        var results = new List<ImportRowResult>();
        foreach (var row in sheet.Table.Rows)
        {
            var errors = new List<string>();
            string V(string key) => sheet.Value(row, key);
            var input = new QuickWinInput { TaskName = V("Task"), Description = V("Description"), Benefit = V("Benefit") };
            var agencyText = V("Agency");
            var agency = agencies.Find(agencyText);
            if (agency is null)
                errors.Add(agencyText.Length == 0 ? "The agency is missing." : $"Agency \"{agencyText}\" is not in the directory.");
            input.AgencyId = agency?.Id;
            if (V("Manager") is { Length: > 0 } manager)
                input.RelationshipManagerPersonId = staff.Find(manager, "Relationship manager", errors);
            else if (agency is not null)
                input.RelationshipManagerPersonId = primaries.TryGetValue(agency.Id, out var primary) ? primary : null;
            foreach (var name in V("Contributors").Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (staff.Find(name, "Contributor", errors) is { } id)
                    input.ContributorIds.Add(id);
            }
            var dateText = V("CompletedOn");
            input.CompletedOn = ImportValues.Date(dateText, "Date completed", errors);
            if (input.CompletedOn > today)
                errors.Add("The date completed is in the future.");
            int? existingId = null;
            if (V("Id") is { Length: > 0 } idText)
            {
                if (int.TryParse(idText, CultureInfo.InvariantCulture, out var parsed) && byId.TryGetValue(parsed, out var match))
                    (existingId, input.Version) = (match.Id, match.Version);
                else
                    errors.Add($"Id {idText} is not a quick win you can see; leave Id empty to add one.");
            }
            else if (agency is not null && input.CompletedOn is { } completed && byKey.TryGetValue((agency.Id, input.TaskName.Trim().ToUpperInvariant(), completed), out var same))
                (existingId, input.Version) = (same.Id, same.Version);
            // The same check as the form's, for the quick win as it is and as the row would leave it.
            var current = existingId is { } matched ? byId[matched] : null;
            if (agency is not null && !await access.CanWriteAgencyRecordAsync(current?.AgencyId, agency.Id, ct))
            {
                errors.Add(current is not null && !await access.CanEditAgencyRecordsAsync(current.AgencyId, ct)
                    ? $"You may not change quick win {current.Id}: only its agency's relationship managers and administrators may."
                    : $"You may not log quick wins for {agency.Name}.");
            }
            if (Validation.Check(QuickWinInputValidator.Instance, input) is { } invalid)
                errors.AddRange(invalid.Where(e => e.Key != nameof(QuickWinInput.AgencyId) && !(e.Key == nameof(QuickWinInput.ContributorIds) && V("Contributors").Length > 0)).SelectMany(e => e.Value));
            if (errors.Count == 0)
                plan.Add(new Planned(existingId, input));
            results.Add(new ImportRowResult(row.RowNumber, existingId is null ? ImportPreview.Create : ImportPreview.Update, $"{dateText} {agency?.Acronym ?? agencyText}: {input.TaskName}", errors));
        }
        return (sheet.Preview(fileName, results), plan);
    }
}
