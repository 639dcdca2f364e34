using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Shared;

/// <summary>
/// The upload → preview → accept flow every spreadsheet import page shares. A page names its kind,
/// its importer's preview and commit, and where to go afterwards.
/// </summary>
internal abstract class ImportPage(PendingImports pending) : PageModel
{
    public ImportPreview? Preview { get; private set; }
    public Guid? PendingId { get; private set; }

    protected abstract string Kind { get; }

    protected abstract Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, CancellationToken ct);

    protected abstract Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, CancellationToken ct);

    /// <summary>Where the user lands after a successful import, and what they are told.</summary>
    protected abstract IActionResult Done(string fileName, ImportOutcome outcome);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
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
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var preview = await PreviewAsync(content, file.FileName, ct);
        if (this.Refusal(preview) is { } refusal)
            return refusal;
        Preview = preview.Value!;
        if (Preview.CanImport)
            PendingId = await pending.SaveAsync(Kind, file.FileName, content, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(Guid pendingId, CancellationToken ct)
    {
        var upload = await pending.FindAsync(pendingId, Kind, ct);
        if (upload is null)
        {
            ModelState.AddModelError("file", "That upload has expired. Choose the file again.");
            return Page();
        }
        var outcome = await CommitAsync(upload.Content, upload.FileName, ct);
        if (this.Refusal(outcome) is { } refusal)
            return refusal;
        if (!outcome.IsOk)
        {
            // The data changed since the preview: show the new verdict rather than half an import.
            Preview = (await PreviewAsync(upload.Content, upload.FileName, ct)).Value;
            ModelState.AddModelError("", "The file can no longer be imported as it is; nothing was written. See the rows below.");
            return Page();
        }
        await pending.DeleteAsync(pendingId, ct);
        return Done(upload.FileName, outcome.Value!);
    }
}
