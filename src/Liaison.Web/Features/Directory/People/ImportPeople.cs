using System.Globalization;
using Liaison.Web.Features.Directory.Agencies;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Directory.People;

/// <summary>
/// Imports people from CSV or XLSX. Columns are matched by header; a row with an Id or a known email
/// updates that person, any other row adds one. Nothing is written unless every row is acceptable.
/// </summary>
internal sealed class ImportPeople(LiaisonDbContext db, AccessRule access) : ISpreadsheetImport
{
    public const string Kind = "people";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("Id", "Id", false, "Person id"),
        new("FirstName", "First name", true, "Given name", "First"),
        new("LastName", "Last name", true, "Surname", "Family name", "Last"),
        new("Title", "Title", false, "Job title", "Position"),
        new("Email", "Email", false, "E-mail", "Email address"),
        new("Phone", "Phone", false, "Telephone", "Phone number", "Work phone"),
        new("Type", "Type", false, "Kind", "Works for"),
        new("Agency", "Agency", false, "Agency name", "Agency acronym", "Organisation", "Organization"),
        new("Unit", "Unit", false, "Operational unit", "Team"),
        new("Notes", "Notes", false, "Internal notes", "Comments"),
    ];

    private sealed record PlannedRow(int RowNumber, Person? Existing, PersonInput Input, List<string> Errors);

    public async Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        if (!access.CanCreatePeople)
            return Result<ImportPreview>.Forbidden();
        var (preview, _) = await PlanAsync(content, fileName, columns, ct);
        return Result<ImportPreview>.Ok(preview);
    }

    public async Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        if (!access.CanCreatePeople)
            return Result<ImportOutcome>.Forbidden();
        var (preview, plan) = await PlanAsync(content, fileName, columns, ct);
        if (!preview.CanImport)
            return Result<ImportOutcome>.Invalid(preview.Errors());

        await using var write = await db.BeginWriteAsync(ct);
        foreach (var row in plan)
        {
            var person = row.Existing ?? new Person();
            row.Input.ApplyTo(person);
            if (row.Existing is null)
                db.People.Add(person);
        }
        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return Result<ImportOutcome>.Ok(new ImportOutcome(preview.CreateCount, preview.UpdateCount));
    }

    private async Task<(ImportPreview Preview, List<PlannedRow> Plan)> PlanAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        var (sheet, failure) = MatchedSheet.Read(content, fileName, Fields, columns);
        if (sheet is null)
            return (failure!, []);
        var (table, map) = (sheet.Table, sheet.Map);

        var agencies = await AgencyNames.LoadAsync(db, ct);
        var units = await db.OperationalUnits.AsNoTracking().Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        var emails = table.Rows.Select(r => r.Get(map.GetValueOrDefault("Email")).ToLowerInvariant()).Where(e => e.Length > 0).ToHashSet();
        var ids = table.Rows.Select(r => int.TryParse(r.Get(map.GetValueOrDefault("Id")), CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0).ToHashSet();
        var existing = await db.People.Where(p => EF.Parameter(ids).Contains(p.Id) || (p.Email != null && EF.Parameter(emails).Contains(p.Email))).ToListAsync(ct);
        var byId = existing.ToDictionary(p => p.Id);
        var byEmail = existing.Where(p => p.Email is not null).GroupBy(p => p.Email!).ToDictionary(g => g.Key, g => g.First());

        var plan = new List<PlannedRow>();
        var emailRows = new Dictionary<string, int>();
        foreach (var row in table.Rows)
        {
            string Value(string key) => row.Get(map.GetValueOrDefault(key));
            var errors = new List<string>();
            var input = new PersonInput
            {
                FirstName = Value("FirstName"),
                LastName = Value("LastName"),
                Title = Value("Title"),
                Email = Value("Email"),
                Phone = Value("Phone"),
                InternalNotes = Value("Notes"),
            };

            var agencyText = Value("Agency");
            var unitText = Value("Unit");
            if (agencyText.Length > 0)
            {
                var agency = agencies.Find(agencyText);
                if (agency is null)
                    errors.Add($"Agency \"{agencyText}\" is not in the directory.");
                input.AgencyId = agency?.Id;
            }
            if (unitText.Length > 0)
            {
                var unit = units.FirstOrDefault(u => string.Equals(u.Name, unitText, StringComparison.OrdinalIgnoreCase));
                if (unit is null)
                    errors.Add($"Unit \"{unitText}\" is not an operational unit.");
                input.OperationalUnitId = unit?.Id;
            }
            var typeText = Value("Type");
            if (typeText.Length > 0)
            {
                if (PersonKinds.TryParse(typeText, out var kind))
                    input.Kind = kind;
                else
                    errors.Add($"Type \"{typeText}\" should be \"Agency contact\" or \"Provider staff\".");
            }
            else
                input.Kind = agencyText.Length == 0 && unitText.Length > 0 ? PersonKind.ProviderStaff : PersonKind.AgencyContact;

            Person? match = null;
            var idText = Value("Id");
            if (idText.Length > 0)
            {
                if (int.TryParse(idText, CultureInfo.InvariantCulture, out var id) && byId.TryGetValue(id, out var byIdMatch))
                    match = byIdMatch;
                else
                    errors.Add($"Id {idText} is not a person in the directory; leave Id empty to add someone new.");
            }
            var email = Validation.Clean(input.Email)?.ToLowerInvariant();
            if (match is null && email is not null)
                match = byEmail.GetValueOrDefault(email);
            if (email is not null)
            {
                if (emailRows.TryGetValue(email, out var firstRow))
                    errors.Add($"Email {email} is also on row {firstRow}.");
                else
                    emailRows[email] = row.RowNumber;
                if (match is not null && byEmail.TryGetValue(email, out var owner) && owner.Id != match.Id)
                    errors.Add($"Email {email} belongs to someone else in the directory.");
            }

            if (Validation.Check(PersonInputValidator.Instance, input) is { } invalid)
                errors.AddRange(invalid.SelectMany(e => e.Value).Where(m => !errors.Contains(m)));
            if (input.Kind == PersonKind.AgencyContact && input.AgencyId is null && agencyText.Length == 0)
                errors.Remove("Choose the agency this contact works for.");
            if (input.Kind == PersonKind.AgencyContact && agencyText.Length == 0)
                errors.Add("An agency contact needs an Agency.");

            var target = new Person();
            input.ApplyTo(target);
            if (errors.Count == 0 && (!await access.CanEditPersonAsync(target, ct) || (match is not null && !await access.CanEditPersonAsync(match, ct))))
                errors.Add("You may not add or change this person.");

            plan.Add(new PlannedRow(row.RowNumber, match, input, errors));
        }

        var results = plan.Select(p => new ImportRowResult(
            p.RowNumber,
            p.Existing is null ? ImportPreview.Create : ImportPreview.Update,
            $"{p.Input.FirstName} {p.Input.LastName}".Trim() + (Validation.Clean(p.Input.Email) is { } e ? $" <{e}>" : ""),
            p.Errors)).ToList();
        return (sheet.Preview(fileName, results), plan);
    }
}
