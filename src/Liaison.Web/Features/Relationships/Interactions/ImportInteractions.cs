using System.Globalization;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships.Interactions;

/// <summary>
/// Imports an interaction log from CSV or XLSX: each row an interaction, its attendees by email. A row
/// with an Id updates that interaction (so an exported log can be corrected and sent back). All or nothing.
/// </summary>
internal sealed class ImportInteractions(LiaisonDbContext db, AccessRule access, RecordInteraction record, OrganisationClock clock) : ISpreadsheetImport
{
    public const string Kind = "interactions";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Id", "Id", false),
        new("Date", "Date", true, "Occurred on", "When"),
        new("Agency", "Agency", true, "Agency name", "Agency acronym"),
        new("Kind", "Kind", false, "Type"),
        new("Subject", "Subject", true, "Topic", "Title"),
        new("Attendees", "Attendees", false, "Participants", "Attendee emails"),
        new("Summary", "Summary", false, "Notes"),
        new("FollowUp", "Follow-up", false, "Follow up", "Next steps"),
        new("InternalNotes", "Internal notes", false),
    ];

    private sealed record Planned(int? Id, InteractionInput Input);

    public async Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct) =>
        Result<ImportPreview>.Ok((await PlanAsync(content, fileName, columns, ct)).Preview);

    public async Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        var (preview, plan) = await PlanAsync(content, fileName, columns, ct);
        if (!preview.CanImport)
            return Result<ImportOutcome>.Invalid(preview.Errors());
        await using var write = await db.BeginWriteAsync(ct);
        var ids = plan.Where(p => p.Id is not null).Select(p => p.Id!.Value).ToList();
        var existing = await db.Interactions.Include(i => i.Attendees).Where(i => EF.Parameter(ids).Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var touched = new HashSet<int>();
        foreach (var row in plan)
        {
            var interaction = row.Id is { } id ? existing[id] : new Interaction();
            touched.UnionWith(interaction.Attendees.Select(a => a.PersonId));
            row.Input.ApplyTo(interaction);
            touched.UnionWith(row.Input.AttendeeIds);
            if (row.Id is null)
                db.Interactions.Add(interaction);
        }
        await db.SaveChangesAsync(ct);
        await record.RefreshLastTouchAsync(touched, ct);
        await write.CommitAsync(ct);
        return Result<ImportOutcome>.Ok(new ImportOutcome(preview.CreateCount, preview.UpdateCount));
    }

    private async Task<(ImportPreview Preview, List<Planned> Plan)> PlanAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        var (sheet, failure) = MatchedSheet.Read(content, fileName, Fields, columns);
        if (sheet is null)
            return (failure!, []);
        var agencies = await AgencyNames.LoadAsync(db, ct);
        var emails = sheet.Table.Rows.SelectMany(r => Split(sheet.Value(r, "Attendees"))).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => p.Email != null && EF.Parameter(emails).Contains(p.Email))
            .Select(p => new { p.Id, p.Email, p.AgencyId, p.Kind }).ToListAsync(ct);
        var ids = sheet.Table.Rows.Select(r => int.TryParse(sheet.Value(r, "Id"), CultureInfo.InvariantCulture, out var id) ? id : 0).Where(i => i > 0).Distinct().ToList();
        var known = await db.Interactions.AsNoTracking().Include(i => i.Attendees).Where(i => EF.Parameter(ids).Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var keptIds = known.Values.SelectMany(i => i.Attendees.Select(a => a.PersonId)).Distinct().ToList();
        var kept = await db.People.AsNoTracking().IgnoreQueryFilters().Where(p => EF.Parameter(keptIds).Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => new { p.AgencyId, p.Kind, Name = p.FirstName + " " + p.LastName }, ct);
        var today = clock.Today;
        var plan = new List<Planned>();
        var results = new List<ImportRowResult>();
        foreach (var row in sheet.Table.Rows)
        {
            var errors = new List<string>();
            bool Has(string key) => sheet.Map.ContainsKey(key);
            string V(string key) => sheet.Value(row, key);
            Interaction? current = null;
            if (V("Id") is { Length: > 0 } idText && !(int.TryParse(idText, CultureInfo.InvariantCulture, out var parsed) && known.TryGetValue(parsed, out current)))
                errors.Add($"Id {idText} is not an interaction you can see; leave Id empty to add one.");
            // A row that names an interaction changes the fields the file has columns for; the others stay as they are.
            var input = current is null ? new InteractionInput() : InteractionInput.From(current);
            input.Subject = V("Subject");
            if (Has("Summary"))
                input.Summary = V("Summary");
            if (Has("FollowUp"))
                input.FollowUp = V("FollowUp");
            if (Has("InternalNotes"))
                input.InternalNotes = V("InternalNotes");
            var dateText = V("Date");
            input.OccurredOn = ImportValues.Date(dateText, "Date", errors);
            if (dateText.Length == 0)
                errors.Add("The date is missing.");
            var agencyText = V("Agency");
            var agency = agencies.Find(agencyText);
            if (agency is null)
                errors.Add($"Agency \"{agencyText}\" is not in the directory.");
            else if (!await access.CanWriteAgencyRecordAsync(current?.AgencyId, agency.Id, ct))
            {
                errors.Add(current is not null && !await access.CanEditAgencyRecordsAsync(current.AgencyId, ct)
                    ? $"You may not change interaction {current.Id}: only its agency's relationship managers and administrators may."
                    : $"You may not record interactions for {agency.Name}.");
            }
            input.AgencyId = agency?.Id;
            if (V("Kind") is { Length: > 0 } kindText)
            {
                if (InteractionKinds.TryParse(kindText, out var kind))
                    input.Kind = kind;
                else
                    errors.Add($"Kind \"{kindText}\" should be one of: {string.Join(", ", Enum.GetValues<InteractionKind>().Select(InteractionKinds.Label))}.");
            }
            if (Has("Attendees"))
            {
                input.AttendeeIds = [];
                foreach (var email in Split(V("Attendees")))
                {
                    var person = people.FirstOrDefault(p => p.Email == email);
                    if (person is null)
                        errors.Add($"Attendee {email} is not in the directory.");
                    else if (person.Kind == PersonKind.AgencyContact && person.AgencyId != agency?.Id)
                        errors.Add($"Attendee {email} is not a contact of this agency.");
                    else
                        input.AttendeeIds.Add(person.Id);
                }
            }
            else if (agency is not null && current is not null && agency.Id != current.AgencyId)
            {
                // Attendees the file leaves as they are must still belong to the interaction's (new) agency, as the form requires.
                foreach (var other in input.AttendeeIds.Select(id => kept.GetValueOrDefault(id)).Where(p => p is not null && p.Kind == PersonKind.AgencyContact && p.AgencyId != agency.Id))
                    errors.Add($"Attendee {other!.Name} is not a contact of {agency.Name}; add an Attendees column to say who attended.");
            }
            if (Validation.Check(InteractionInputValidator.Instance, input) is { } invalid)
                errors.AddRange(invalid.Where(e => e.Key is not (nameof(InteractionInput.AgencyId) or nameof(InteractionInput.OccurredOn))).SelectMany(e => e.Value));
            if (input.OccurredOn > today.AddDays(1))
                errors.Add("The date is in the future; plan future interactions as meetings.");
            if (errors.Count == 0)
                plan.Add(new Planned(current?.Id, input));
            results.Add(new ImportRowResult(row.RowNumber, current is null ? ImportPreview.Create : ImportPreview.Update,
                $"{dateText} {agency?.Acronym ?? agencyText}: {input.Subject}", errors));
        }
        return (sheet.Preview(fileName, results), plan);
    }

    private static IEnumerable<string> Split(string text) =>
        text.Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(e => e.ToLowerInvariant());
}
