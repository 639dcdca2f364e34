using Liaison.Tests.Infrastructure;

namespace Liaison.Tests.Features.Platform;

/// <summary>
/// The API description as a client generator reads it: Redocly's linter (tests/Liaison.Tests/js/redocly.yaml, the
/// recommended rules with operation ids and 4xx answers required) finds no error in /openapi/v1.json.
/// </summary>
[Trait("Provider", "Independent")]
public sealed class OpenApiDocumentTests(LiaisonApp app) : IClassFixture<LiaisonApp>
{
    [Fact]
    public async Task The_openapi_document_passes_a_real_validator()
    {
        using var client = app.Anonymous();
        var document = await client.GetStringAsync("/openapi/v1.json");
        var file = Path.Combine(app.Folder, "openapi.json");
        await File.WriteAllTextAsync(file, document);

        var js = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../js"));
        var start = new System.Diagnostics.ProcessStartInfo(Path.Combine(js, "node_modules/.bin/redocly"))
        {
            WorkingDirectory = js,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "lint", file, "--config", Path.Combine(js, "redocly.yaml"), "--format", "stylish", "--max-problems", "200" })
            start.ArgumentList.Add(argument);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "Redocly found errors in /openapi/v1.json:\n" + await output + await error);
        Assert.Contains("\"operationId\": \"putAgenciesById\"", document, StringComparison.Ordinal);
    }
}
