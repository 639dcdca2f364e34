using System.Text.Json;
using Liaison.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Liaison.Web.Platform.ImportExport;

/// <summary>
/// A spreadsheet import as the API and the import pages run it: a preview that writes nothing, and a commit that writes
/// every row or none, each row through the same validation and permission check as the form.
/// </summary>
internal interface ISpreadsheetImport
{
    Task<Result<ImportPreview>> PreviewAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct);

    Task<Result<ImportOutcome>> CommitAsync(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct);
}

/// <summary>
/// The API side of every spreadsheet import: multipart field "file", dryRun=true for the preview, and an optional
/// multipart field "columns", a JSON object from field key to the file's header ("" to leave a field out), for files
/// whose headers Liaison does not recognise.
/// </summary>
internal static class ImportApi
{
    /// <summary>POST {pattern}: the import <typeparamref name="TImport"/> behind the multipart form described above.</summary>
    public static RouteHandlerBuilder MapImport<TImport>(this RouteGroupBuilder group, string pattern)
        where TImport : ISpreadsheetImport => group.MapPost(pattern, HandleAsync<TImport>).DisableAntiforgery();

    private static async Task<Results<Ok<ImportPreview>, Ok<ImportOutcome>, ProblemHttpResult>> HandleAsync<TImport>(HttpRequest request, IFormFile file,
        bool? dryRun, TImport import, CancellationToken ct)
        where TImport : ISpreadsheetImport
    {
        Dictionary<string, string>? columns = null;
        if (request.HasFormContentType && request.Form.TryGetValue("columns", out var json) && !string.IsNullOrWhiteSpace(json))
        {
            try
            {
                columns = JsonSerializer.Deserialize<Dictionary<string, string>>(json.ToString());
            }
            catch (JsonException)
            {
                return ResultTranslation.BadRequest("columns", "Send columns as a JSON object from field to header, like {\"Name\": \"Project\"}.");
            }
        }
        if (file.Length > ImportLimits.MaxBytes)
            return TooLarge(StatusCodes.Status413PayloadTooLarge, $"The file is larger than {ImportLimits.MaxBytes / 1024 / 1024} MB.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (dryRun == true)
        {
            var answer = await import.PreviewAsync(content, file.FileName, columns, ct);
            if (answer.Value is { RefusedWith: { } status } refused)
                return TooLarge(status, refused.FileErrors[0]);
            return answer.IsOk ? TypedResults.Ok(answer.Value) : answer.Problem();
        }
        var outcome = await import.CommitAsync(content, file.FileName, columns, ct);
        return outcome.IsOk ? TypedResults.Ok(outcome.Value) : outcome.Problem();
    }

    /// <summary>The answer for a file larger than Liaison reads, saying what was too large (imports and attachments alike).</summary>
    internal static ProblemHttpResult TooLarge(int status, string message) => TypedResults.Problem(
        title: "The file is too large", detail: message, statusCode: status,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [message] } });
}
