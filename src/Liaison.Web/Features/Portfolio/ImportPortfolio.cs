using System.Globalization;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Features.Relationships.Contracts;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Portfolio;

/// <summary>
/// Imports a portfolio spreadsheet (CSV or XLSX) in the form's columns. A row is the same initiative as before when it
/// carries its Id, or else when its agency already has an initiative of that name: so importing the same file again
/// updates rather than duplicates. A row whose status fields differ from the initiative's latest update appends a
/// status update as of its "Latest update date". Every row is written or none.
/// </summary>
internal sealed class ImportPortfolio(LiaisonDbContext db, AccessRule access, InitiativePolicy policy, PortfolioRules rules, TimeProvider clock) : ISpreadsheetImport
{
    public const string Kind = "portfolio";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Id", "Id", false),
        new("Name", "Initiative name", true, "Initiative", "Name", "Project", "Project name"),
        new("Description", "Initiative description", false, "Description"),
        new("Agency", "Agency", true, "Agency name", "Agency acronym", "Partner agency"),
        new("Manager", "Relationship manager", false, "ARM", "OTS ARM", "Manager"),
        new("Owner", "Project manager / owner", false, "Project manager", "Owner", "OTS project manager / owner", "PM"),
        new("Overview", "Current status overview", false, "Current status", "Status overview", "Status"),
        new("Accomplishments", "Accomplishments of last 30 days", false, "Accomplishments", "Accomplishments of the last 30 days"),
        new("Plans", "Plans for next 30 days", false, "Plans", "Plans for the next 30 days"),
        new("Risks", "Current risks / issues", false, "Risks", "Issues", "Risks / issues"),
        new("UpdatedOn", "Latest update date", false, "Latest update", "Last updated", "Update date"),
        new("Health", "Health", false),
        new("Phase", "Phase", false),
        new("StartOn", "Start date", false, "Start"),
        new("TargetOn", "Target date", false, "Target", "End date"),
    ];

    private sealed record Planned(int? Id, InitiativeInput Input, StatusUpdateInput? Update, bool HasHealth);

    public async Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        if (!access.CanImport)
            return Result<ImportPreview>.Forbidden();
        return Result<ImportPreview>.Ok((await PlanAsync(content, fileName, columns, ct)).Preview);
    }

    public async Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        if (!access.CanImport)
            return Result<ImportOutcome>.Forbidden();
        var (preview, plan) = await PlanAsync(content, fileName, columns, ct);
        if (!preview.CanImport)
            return Result<ImportOutcome>.Invalid(preview.Errors());
        await using var write = await db.BeginWriteAsync(ct);
        var primaries = await db.PrimaryPeopleByAgencyAsync(ct);
        var mapped = preview.ColumnMap;
        var reason = $"Imported from {Path.GetFileName(fileName)}";
        var ids = plan.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
        var existing = await db.Initiatives.Where(i => EF.Parameter(ids).Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        foreach (var row in plan)
        {
            var initiative = row.Id is { } id ? existing[id] : new Initiative();
            var input = row.Input;
            if (row.Id is not null)
            {
                // A column the file does not have leaves the field as it was.
                if (!mapped.ContainsKey("Description"))
                    input.Description = initiative.Description;
                if (!mapped.ContainsKey("Manager"))
                    input.RelationshipManagerPersonId = initiative.RelationshipManagerPersonId;
                if (!mapped.ContainsKey("Owner"))
                    input.OwnerPersonId = initiative.OwnerPersonId;
                if (!row.HasHealth)
                    input.Health = initiative.Health;
                if (!mapped.ContainsKey("Phase"))
                    input.Phase = initiative.Phase;
                if (!mapped.ContainsKey("StartOn"))
                    input.StartOn = initiative.StartOn;
                if (!mapped.ContainsKey("TargetOn"))
                    input.TargetOn = initiative.TargetOn;
            }
            else
                input.RelationshipManagerPersonId ??= primaries.TryGetValue(input.AgencyId!.Value, out var primary) ? primary : null;
            input.ApplyTo(initiative);
            if (row.Id is null)
                db.Initiatives.Add(initiative);
            // The status columns: a new entry in the initiative's history, shown on the form when it is the newest. Tied
            // by navigation, so a new initiative and its first update are written in the same save.
            if (row.Update is { } status)
            {
                var update = status.ToUpdate(initiative.Id, status.AsOf!.Value, initiative.Health, reason, access.User, clock);
                update.Initiative = initiative;
                db.InitiativeUpdates.Add(update);
                if (initiative.LatestUpdateOn is null || update.AsOf >= initiative.LatestUpdateOn)
                    initiative.Show(update);
            }
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
        var known = await db.Initiatives.AsNoTracking()
            .Select(i => new
            {
                i.Id,
                i.AgencyId,
                i.Name,
                i.StatusOverview,
                i.Accomplishments,
                i.Plans,
                i.Risks,
                i.LatestUpdateOn,
                i.Version,
                Holders = new InitiativeHolders(i.AgencyId, i.OwnerPersonId, i.RelationshipManagerPersonId, i.HandedToPmoPersonId),
            })
            .ToListAsync(ct);
        var byId = known.ToDictionary(i => i.Id);
        var byName = known.GroupBy(i => (i.AgencyId, i.Name.ToUpperInvariant())).ToDictionary(g => g.Key, g => g.First());
        var today = rules.Today;
        var seen = new Dictionary<(int, string), int>();
        var plan = new List<Planned>();
        var results = new List<ImportRowResult>();
        foreach (var row in sheet.Table.Rows)
        {
            var errors = new List<string>();
            string V(string key) => sheet.Value(row, key);
            var input = new InitiativeInput { Name = V("Name"), Description = V("Description") };
            var agencyText = V("Agency");
            var agency = agencies.Find(agencyText);
            if (agency is null)
                errors.Add(agencyText.Length == 0 ? "The agency is missing." : $"Agency \"{agencyText}\" is not in the directory.");
            input.AgencyId = agency?.Id;

            int? Person(string key, string label)
            {
                var text = V(key);
                return text.Length == 0 ? null : staff.Find(text, label, errors);
            }
            input.RelationshipManagerPersonId = Person("Manager", "Relationship manager");
            input.OwnerPersonId = Person("Owner", "Project manager / owner");

            var healthText = V("Health");
            if (healthText.Length > 0 && InitiativeLabels.TryParseHealth(healthText, out var health))
                input.Health = health;
            else if (healthText.Length > 0)
                errors.Add($"Health \"{healthText}\" should be one of: {string.Join(", ", Enum.GetValues<InitiativeHealth>().Select(InitiativeLabels.Health))}.");
            var phaseText = V("Phase");
            if (phaseText.Length > 0 && InitiativeLabels.TryParsePhase(phaseText, out var phase))
                input.Phase = phase;
            else if (phaseText.Length > 0)
                errors.Add($"Phase \"{phaseText}\" should be one of: {string.Join(", ", Enum.GetValues<InitiativePhase>())}.");
            input.StartOn = ImportValues.Date(V("StartOn"), "Start date", errors);
            input.TargetOn = ImportValues.Date(V("TargetOn"), "Target date", errors);
            var updatedOn = ImportValues.Date(V("UpdatedOn"), "Latest update date", errors);
            if (updatedOn > today)
                errors.Add("The latest update date is in the future.");

            // Which initiative: by Id, else by agency and name; the same name twice in one file is a mistake.
            int? id = null;
            int? version = null;
            if (V("Id") is { Length: > 0 } idText)
            {
                if (int.TryParse(idText, CultureInfo.InvariantCulture, out var parsed) && byId.TryGetValue(parsed, out var match))
                    (id, version) = (match.Id, match.Version);
                else
                    errors.Add($"Id {idText} is not an initiative you can see; leave Id empty to add one.");
            }
            else if (agency is not null && byName.TryGetValue((agency.Id, input.Name.Trim().ToUpperInvariant()), out var named))
                (id, version) = (named.Id, named.Version);
            if (agency is not null && input.Name.Length > 0)
            {
                var key = (agency.Id, input.Name.Trim().ToUpperInvariant());
                if (seen.TryGetValue(key, out var firstRow))
                    errors.Add($"Row {firstRow} has the same initiative for the same agency.");
                else
                    seen[key] = row.RowNumber;
            }
            input.Version = version;
            // The same check as the form's, for the initiative as it is and as the row would leave it.
            if (agency is not null && await policy.RefusalAsync(id is { } matchedId ? byId[matchedId].Holders : null, agency.Id, input.OwnerPersonId, ct) is { } refusal)
                errors.Add(RefusalMessage(refusal, id, agency.Name));
            if (Validation.Check(InitiativeInputValidator.Instance, input) is { } invalid)
                errors.AddRange(invalid.Where(e => e.Key != nameof(InitiativeInput.AgencyId)).SelectMany(e => e.Value));

            // A status update when the row's status says something new.
            StatusUpdateInput? update = null;
            var status = new StatusUpdateInput { StatusOverview = V("Overview"), Accomplishments = V("Accomplishments"), Plans = V("Plans"), Risks = V("Risks") };
            var saysSomething = new[] { status.StatusOverview, status.Accomplishments, status.Plans, status.Risks }.Any(t => !string.IsNullOrWhiteSpace(t));
            var current = id is { } existingId ? byId[existingId] : null;
            var changed = current is null
                || !Same(current.StatusOverview, status.StatusOverview) || !Same(current.Accomplishments, status.Accomplishments)
                || !Same(current.Plans, status.Plans) || !Same(current.Risks, status.Risks) || (updatedOn is not null && updatedOn != current.LatestUpdateOn);
            if (saysSomething && changed)
            {
                if (string.IsNullOrWhiteSpace(status.StatusOverview))
                    errors.Add("A row with accomplishments, plans or risks needs a current status overview too.");
                status.AsOf = updatedOn ?? today;
                if (Validation.Check(StatusUpdateInputValidator.Instance, status) is { } invalidStatus)
                    errors.AddRange(invalidStatus.Where(e => e.Key != nameof(StatusUpdateInput.StatusOverview) || !string.IsNullOrWhiteSpace(status.StatusOverview))
                        .SelectMany(e => e.Value));
                update = status;
            }
            if (errors.Count == 0)
                plan.Add(new Planned(id, input, update, healthText.Length > 0));
            var what = id is null ? "" : update is null ? " (no new status)" : " (new status update)";
            results.Add(new ImportRowResult(row.RowNumber, id is null ? ImportPreview.Create : ImportPreview.Update,
                $"{agency?.Acronym ?? agencyText}: {input.Name}{what}", errors));
        }
        return (sheet.Preview(fileName, results), plan);
    }

    private static string RefusalMessage(InitiativeRefusal refusal, int? id, string agencyName) => refusal switch
    {
        InitiativeRefusal.NotTheirs =>
            $"You may not change initiative {id}: only its agency's relationship managers, its own project manager, relationship manager or PMO lead, and administrators may.",
        _ when id is not null => $"You may not move an initiative to {agencyName}: only its relationship managers and administrators may write its records.",
        _ => $"You may not add initiatives to {agencyName}: only its relationship managers and administrators may, or staff adding one they will own.",
    };

    private static bool Same(string? stored, string? file) => string.Equals(Validation.Clean(stored) ?? "", Validation.Clean(file) ?? "", StringComparison.Ordinal);
}
