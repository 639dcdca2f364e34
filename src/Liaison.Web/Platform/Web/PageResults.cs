using Liaison.Web.Platform.ImportExport;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Web.Platform.Web;

/// <summary>An edit form's input: it carries the version the editor started from.</summary>
internal interface IVersionedInput
{
    int? Version { get; set; }
}

/// <summary>How a page shows a use case's answer. The one place pages translate <see cref="Result{T}"/>.</summary>
internal static class PageResults
{
    /// <summary>The page's answer when the record is not the user's to see or to change; null otherwise.</summary>
    public static IActionResult? Refusal<T>(this PageModel page, Result<T> result) => result.Status switch
    {
        ResultStatus.NotFound => page.NotFound(),
        ResultStatus.Forbidden => page.Forbid(),
        _ => null,
    };

    /// <summary>
    /// Shows why an edit was not saved: field errors next to their fields, or the conflict (returned for
    /// the page to show) with the form moved on to the version now on screen, so that saving again is a
    /// deliberate overwrite of what the user has seen.
    /// </summary>
    public static ConflictInfo? ShowProblems<T>(this PageModel page, Result<T> result, IVersionedInput input)
    {
        if (result.Status != ResultStatus.Conflict)
        {
            page.ModelState.AddErrors(result.Errors);
            return null;
        }
        page.ModelState.Remove("Input.Version");
        input.Version = result.Conflict!.CurrentVersion;
        return result.Conflict;
    }

    /// <summary>Deactivates or reactivates a record from its page, and comes back to the page with a message.</summary>
    public static async Task<IActionResult> SetActiveAsync<T>(this PageModel page, int id, Task<Result<T>> action, Func<T, string> done)
    {
        var result = await action;
        if (page.Refusal(result) is { } refusal)
            return refusal;
        page.TempData["Status"] = done(result.Value!);
        return page.RedirectToPage(new { id });
    }

    /// <summary>A list page's "Export CSV/XLSX" link: the file, or 400 for an unknown format.</summary>
    public static async Task<IActionResult> ExportAsync(this PageModel page, string? format, Func<ExportFormat, Task<ExportFile>> export)
    {
        if (!TableExport.TryParseFormat(format, out var parsed))
            return page.BadRequest();
        var file = await export(parsed);
        return page.File(file.Content, file.ContentType, file.FileName);
    }
}
