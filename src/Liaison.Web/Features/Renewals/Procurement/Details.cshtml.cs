using System.Globalization;
using Liaison.Web.Platform.Auditing;
using Liaison.Web.Platform.Time;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Features.Renewals.Procurement;

/// <summary>A request: what was asked, where it stands, the assessment and quotes (staff), its files, and its history (staff).</summary>
internal sealed class DetailsModel(ManageProcurement procurement, RecordHistory history, OrganisationClock clock) : PageModel
{
    public ProcurementView View { get; private set; } = null!;
    public DateOnly Today => clock.Today;
    public IReadOnlyList<HistoryEntry>? History { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var view = await procurement.GetAsync(id, ct);
        if (this.Refusal(view) is { } refusal)
            return refusal;
        View = view.Value!;
        if (View.Internal)
            History = await history.ForAsync(nameof(ProcurementRequest), id.ToString(CultureInfo.InvariantCulture), ct);
        return Page();
    }

    /// <summary>Attaches a file (the form posts multipart); refused files are said beside the field, nothing kept.</summary>
    public async Task<IActionResult> OnPostAttachAsync(int id, IFormFile? file, bool @internal, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            ModelState.AddModelError("file", "Choose a file to attach.");
        else if (file.Length > Platform.Files.FileCheck.MaxBytes)
            ModelState.AddModelError("file", Platform.Files.FileCheck.TooLargeMessage);
        else
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            var attached = await procurement.AttachAsync(id, file.FileName, buffer.ToArray(), @internal, ct);
            if (attached.IsOk)
            {
                TempData["Status"] = $"“{attached.Value!.FileName}” has been attached.";
                return RedirectToPage(new { id });
            }
            if (this.Refusal(attached) is { } refused)
                return refused;
            foreach (var (_, messages) in attached.Errors)
                ModelState.AddModelError("file", messages[0]);
        }
        return await OnGetAsync(id, ct);
    }

    /// <summary>Downloads an attachment (always as a download), for whoever may see it; audited.</summary>
    public async Task<IActionResult> OnGetFileAsync(long attachmentId, CancellationToken ct)
    {
        var file = await procurement.DownloadAsync(attachmentId, ct);
        if (this.Refusal(file) is { } refusal)
            return refusal;
        Response.Headers.CacheControl = "private, no-store";
        return File(file.Value!.Content, file.Value.ContentType, file.Value.FileName);
    }
}
