using Liaison.Web.Features.Shared;
using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Web.Features.Directory.People;

/// <summary>Upload a spreadsheet of people, see what it would do row by row, then accept it whole.</summary>
internal sealed class ImportModel(ImportPeople import, PendingImports pending, AccessRule access) : ImportPage(pending)
{
    public override IReadOnlyList<ImportField> Fields => ImportPeople.Fields;

    protected override string Kind => ImportPeople.Kind;

    public IActionResult OnGet() => access.CanCreatePeople ? Page() : Forbid();

    public IActionResult OnGetTemplate() =>
        File(System.Text.Encoding.UTF8.GetBytes(string.Join(",", ImportPeople.Fields.Select(f => f.Label)) + "\r\n"), "text/csv; charset=utf-8", "people-template.csv");

    protected override Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct) => import.PreviewAsync(content, fileName, columns, ct);

    protected override Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct) => import.CommitAsync(content, fileName, columns, ct);

    protected override IActionResult Done(string fileName, ImportOutcome outcome)
    {
        TempData["Status"] = $"Imported {fileName}: {outcome.Created} people added, {outcome.Updated} updated.";
        return RedirectToPage("/Directory/People/Index");
    }
}
