using System.Text.Json;
using Liaison.Web.Platform.Web;

namespace Liaison.Web.Platform.ImportExport;

internal delegate Task<Result<ImportPreview>> ImportPreviewer(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct);

internal delegate Task<Result<ImportOutcome>> ImportCommitter(byte[] content, string fileName, IReadOnlyDictionary<string, string>? columns, CancellationToken ct);

/// <summary>
/// The API side of every spreadsheet import: multipart field "file", dryRun=true for the preview, and an optional
/// multipart field "columns", a JSON object from field key to the file's header ("" to leave a field out), for files
/// whose headers Liaison does not recognise.
/// </summary>
internal static class ImportApi
{
    public static async Task<IResult> HandleAsync(HttpRequest request, IFormFile file, bool? dryRun, ImportPreviewer preview, ImportCommitter commit, CancellationToken ct)
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
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["columns"] = ["Send columns as a JSON object from field to header, like {\"Name\": \"Project\"}."] });
            }
        }
        if (file.Length > SpreadsheetReader.MaxBytes)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [$"The file is larger than {SpreadsheetReader.MaxBytes / 1024 / 1024} MB."] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (dryRun == true)
        {
            var answer = await preview(content, file.FileName, columns, ct);
            return answer.IsOk ? Results.Ok(answer.Value) : answer.Problem();
        }
        var outcome = await commit(content, file.FileName, columns, ct);
        return outcome.IsOk ? Results.Ok(outcome.Value) : outcome.Problem();
    }
}
