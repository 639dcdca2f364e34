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

        var (exitCode, output, error) = await JsTools.RunAsync(Path.Combine(JsTools.Folder, "node_modules/.bin/redocly"),
            "lint", file, "--config", Path.Combine(JsTools.Folder, "redocly.yaml"), "--format", "stylish", "--max-problems", "200");
        Assert.True(exitCode == 0, "Redocly found errors in /openapi/v1.json:\n" + output + error);
        Assert.Contains("\"operationId\": \"putAgenciesById\"", document, StringComparison.Ordinal);
    }
}
