using Liaison.Web.Platform.Auth;
using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.People;

/// <summary>Upload a spreadsheet of people, see what it would do row by row, then accept it whole.</summary>
internal sealed class ImportModel(ImportPeople import, PendingImports pending, AccessRule access) : PageModel
{
    public ImportPreview? Preview { get; private set; }
    public Guid? PendingId { get; private set; }
    public IReadOnlyList<ImportField> Fields => ImportPeople.Fields;

    public IActionResult OnGet() => access.CanCreatePeople ? Page() : Forbid();

    public IActionResult OnGetTemplate()
    {
        var csv = string.Join(",", ImportPeople.Fields.Select(f => f.Label)) + "\r\n";
        return File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", "people-template.csv");
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (!access.CanCreatePeople)
            return Forbid();
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a .csv or .xlsx file to import.");
            return Page();
        }
        if (file.Length > SpreadsheetReader.MaxBytes)
        {
            ModelState.AddModelError("file", $"The file is larger than {SpreadsheetReader.MaxBytes / 1024 / 1024} MB.");
            return Page();
        }
        var content = await PeopleApi.ReadAsync(file, ct);
        var preview = await import.PreviewAsync(content, file.FileName, ct);
        Preview = preview.Value!;
        if (Preview.CanImport)
            PendingId = await pending.SaveAsync(ImportPeople.Kind, file.FileName, content, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid pendingId, CancellationToken ct)
    {
        var upload = await pending.FindAsync(pendingId, ImportPeople.Kind, ct);
        if (upload is null)
        {
            ModelState.AddModelError("file", "That upload has expired. Choose the file again.");
            return Page();
        }
        var outcome = await import.CommitAsync(upload.Content, upload.FileName, ct);
        if (outcome.Status == ResultStatus.Forbidden)
            return Forbid();
        if (!outcome.IsOk)
        {
            // The directory changed since the preview: show the new verdict rather than half an import.
            Preview = (await import.PreviewAsync(upload.Content, upload.FileName, ct)).Value;
            ModelState.AddModelError("", "The file can no longer be imported as it is; nothing was written. See the rows below.");
            return Page();
        }
        await pending.DeleteAsync(pendingId, ct);
        TempData["Status"] = $"Imported {upload.FileName}: {outcome.Value!.Created} people added, {outcome.Value.Updated} updated.";
        return RedirectToPage("/People/Index");
    }
}
