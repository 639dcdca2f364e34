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
        if (file.Length > ImportLimits.MaxBytes)
            return TooLarge(StatusCodes.Status413PayloadTooLarge, $"The file is larger than {ImportLimits.MaxBytes / 1024 / 1024} MB.");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        if (dryRun == true)
        {
            var answer = await preview(content, file.FileName, columns, ct);
            if (answer.Value is { RefusedWith: { } status } refused)
                return TooLarge(status, refused.FileErrors[0]);
            return answer.IsOk ? Results.Ok(answer.Value) : answer.Problem();
        }
        var outcome = await commit(content, file.FileName, columns, ct);
        return outcome.IsOk ? Results.Ok(outcome.Value) : outcome.Problem();
    }

    /// <summary>The answer for a file larger than Liaison reads, saying what was too large.</summary>
    private static IResult TooLarge(int status, string message) => Results.Problem(
        title: "The file is too large", detail: message, statusCode: status,
        extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["file"] = [message] } });
}
