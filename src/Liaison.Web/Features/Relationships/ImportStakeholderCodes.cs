using System.Globalization;
using Liaison.Web.Features.Directory.People;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.Data;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Web.Features.Relationships;

/// <summary>
/// Imports contacts' matrix codes from CSV or XLSX (an engagement plan kept in a spreadsheet, or an
/// exported matrix edited and sent back). Rows find their contact by Person Id or email. All or nothing.
/// </summary>
internal sealed class ImportStakeholderCodes(LiaisonDbContext db, AccessRule access) : ISpreadsheetImport
{
    public const string Kind = "stakeholders";

    public static readonly IReadOnlyList<ImportField> Fields =
    [
        new("PersonId", "Person Id", false, "Id"),
        new("Email", "Email", false, "E-mail"),
        new("Name", "Name", false, "Contact"),
        new("Priority", "Priority", false),
        new("Impact", "Impact", false),
        new("Frequency", "Frequency", false, "Frequency of engagement"),
        new("Methods", "Methods", false, "Methods of engagement"),
        new("Executive", "Agency executive", false, "Executive"),
        new("KeyStakeholder", "Key stakeholder", false),
        new("Coordinator", "Implementation coordinator", false, "Coordinator"),
    ];

    private sealed record Planned(int PersonId, StakeholderInput Input);

    public async Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct) =>
        Result<ImportPreview>.Ok((await PlanAsync(content, fileName, columns, ct)).Preview);

    public async Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct)
    {
        var (preview, plan) = await PlanAsync(content, fileName, columns, ct);
        if (!preview.CanImport)
            return Result<ImportOutcome>.Invalid(preview.Errors());
        await using var write = await db.BeginWriteAsync(ct);
        var ids = plan.Select(p => p.PersonId).ToList();
        var profiles = await db.StakeholderProfiles.Where(p => EF.Parameter(ids).Contains(p.PersonId)).ToDictionaryAsync(p => p.PersonId, ct);
        foreach (var row in plan)
        {
            if (!profiles.TryGetValue(row.PersonId, out var profile))
                db.StakeholderProfiles.Add(profile = new StakeholderProfile { PersonId = row.PersonId });
            row.Input.ApplyTo(profile);
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
        if (!sheet.Map.ContainsKey("PersonId") && !sheet.Map.ContainsKey("Email"))
            return (sheet.Preview(fileName, []) with { FileErrors = ["The file needs a \"Person Id\" or an \"Email\" column to find each contact."] }, []);

        var contacts = await db.People.AsNoTracking().Where(p => p.Kind == PersonKind.AgencyContact && p.AgencyId != null)
            .Select(p => new { p.Id, p.Email, p.AgencyId, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct);
        var existing = (await db.StakeholderProfiles.AsNoTracking().Select(p => p.PersonId).ToListAsync(ct)).ToHashSet();
        var plan = new List<Planned>();
        var results = new List<ImportRowResult>();
        var seen = new Dictionary<int, int>();
        foreach (var row in sheet.Table.Rows)
        {
            var errors = new List<string>();
            var idText = sheet.Value(row, "PersonId");
            var email = sheet.Value(row, "Email").ToLowerInvariant();
            var contact = idText.Length > 0
                ? int.TryParse(idText, CultureInfo.InvariantCulture, out var id) ? contacts.FirstOrDefault(c => c.Id == id) : null
                : contacts.FirstOrDefault(c => c.Email == email && email.Length > 0);
            if (contact is null)
                errors.Add(idText.Length > 0 ? $"Person Id {idText} is not an agency contact you can see." : $"No agency contact has the email \"{email}\".");
            else if (!await access.CanEditAgencyRecordsAsync(contact.AgencyId!.Value, ct))
                errors.Add("You may not change this agency's stakeholder matrix.");
            else if (seen.TryGetValue(contact.Id, out var first))
                errors.Add($"This contact is also on row {first}.");
            else
                seen[contact.Id] = row.RowNumber;

            var input = new StakeholderInput();
            string Code(string key) => sheet.Value(row, key).Trim().ToUpperInvariant();
            if (Code("Priority") is { Length: > 0 } priority)
            {
                if (Enum.TryParse<Priority>(priority[..1], out var p) && "HIGH MEDIUM LOW H M L".Split(' ').Contains(priority))
                    input.Priority = p;
                else
                    errors.Add($"Priority \"{priority}\" should be H, M or L.");
            }
            if (Code("Impact") is { Length: > 0 } impact)
            {
                if (Enum.TryParse<Impact>(impact, out var i) && Enum.IsDefined(i))
                    input.Impact = i;
                else
                    errors.Add($"Impact \"{impact}\" should be A (monitor), B (work closely) or C (keep informed).");
            }
            if (Code("Frequency") is { Length: > 0 } frequency)
            {
                if (Enum.TryParse<Frequency>(frequency, out var f) && Enum.IsDefined(f))
                    input.Frequency = f;
                else
                    errors.Add($"Frequency \"{frequency}\" should be W, S, M, Q, AN or AR.");
            }
            if (Code("Methods") is { Length: > 0 } methods)
            {
                if (StakeholderCodes.TryParseMethods(methods, out var m, out var bad))
                    input.Methods = StakeholderCodes.Split(m);
                else
                    errors.Add($"Method \"{bad}\" should be one of R, F, P, E, C, S, W.");
            }
            input.IsAgencyExecutive = Flag(sheet.Value(row, "Executive"));
            input.IsKeyStakeholder = Flag(sheet.Value(row, "KeyStakeholder"));
            input.IsImplementationCoordinator = Flag(sheet.Value(row, "Coordinator"));
            if (contact is not null && errors.Count == 0)
                plan.Add(new Planned(contact.Id, input));
            results.Add(new ImportRowResult(row.RowNumber, contact is not null && existing.Contains(contact.Id) ? ImportPreview.Update : ImportPreview.Create,
                contact?.Name ?? sheet.Value(row, "Name"), errors));
        }
        return (sheet.Preview(fileName, results), plan);
    }

    private static bool Flag(string text) => text.Trim().ToLowerInvariant() is "yes" or "y" or "x" or "true" or "1";
}
