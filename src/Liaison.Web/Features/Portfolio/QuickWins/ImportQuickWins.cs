using System.Globalization;
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
/// <summary>Imports a quick wins log: a row with an Id, or the same task, agency and date as one logged, updates it; every row or none.</summary>
internal sealed class ImportQuickWins(LiaisonDbContext db, AccessRule access, OrganisationClock clock) : ISpreadsheetImport
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
        access.CanImport ? Result<ImportPreview>.Ok((await PlanAsync(content, fileName, columns, ct)).Preview) : Result<ImportPreview>.Forbidden();

    public async Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        if (!access.CanImport)
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
