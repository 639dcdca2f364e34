using Liaison.Web.Platform.ImportExport;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Shared;

/// <summary>
/// The upload → preview (→ adjust the columns → preview again) → accept flow every spreadsheet import page shares. A
/// page names its kind, its fields, its importer's preview and commit, and where to go afterwards.
/// </summary>
internal abstract class ImportPage(PendingImports pending) : PageModel
{
    public ImportPreview? Preview { get; private set; }
    public Guid? PendingId { get; private set; }

    /// <summary>The user's choice of column per field (field key → header, "" for none), carried from preview to import.</summary>
    [BindProperty]
    public Dictionary<string, string>? Columns { get; set; }

    public abstract IReadOnlyList<ImportField> Fields { get; }

    protected abstract string Kind { get; }

    protected abstract Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct);

    protected abstract Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct);

    /// <summary>Where the user lands after a successful import, and what they are told.</summary>
    protected abstract IActionResult Done(string fileName, ImportOutcome outcome);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "Choose a .csv or .xlsx file to import.");
            return Page();
        }
        if (file.Length > ImportLimits.MaxBytes)
        {
            ModelState.AddModelError("file", $"The file is larger than {ImportLimits.MaxBytes / 1024 / 1024} MB.");
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        Columns = null;
        var preview = await PreviewAsync(content, file.FileName, null, ct);
        if (this.Refusal(preview) is { } refusal)
            return refusal;
        Preview = preview.Value!;
        // Kept while its columns can still be adjusted, whether or not it can be imported as it is.
        if (Preview.Headers.Count > 0)
            PendingId = await pending.SaveAsync(Kind, file.FileName, content, ct);
        return Page();
    }

    /// <summary>Previews the same upload again with the columns the user chose.</summary>
    public async Task<IActionResult> OnPostRemapAsync(Guid pendingId, CancellationToken ct)
    {
        var upload = await pending.FindAsync(pendingId, Kind, ct);
        if (upload is null)
        {
            ModelState.AddModelError("file", "That upload has expired. Choose the file again.");
            return Page();
        }
        var preview = await PreviewAsync(upload.Content, upload.FileName, Columns, ct);
        if (this.Refusal(preview) is { } refusal)
            return refusal;
        Preview = preview.Value!;
        PendingId = pendingId;
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
        var outcome = await CommitAsync(upload.Content, upload.FileName, Columns, ct);
        if (this.Refusal(outcome) is { } refusal)
            return refusal;
        if (!outcome.IsOk)
        {
            // The data changed since the preview: show the new verdict rather than half an import.
            Preview = (await PreviewAsync(upload.Content, upload.FileName, Columns, ct)).Value;
            PendingId = pendingId;
            ModelState.AddModelError("", "The file can no longer be imported as it is; nothing was written. See the rows below.");
            return Page();
        }
        await pending.DeleteAsync(pendingId, ct);
        return Done(upload.FileName, outcome.Value!);
    }
}
