using System.Text.Json;
using Liaison.Tests.Infrastructure;
using Liaison.Web.Platform.Data;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Tests.Features.Platform;

/// <summary>
/// The API description as a client generator reads it: Redocly's linter (tests/Liaison.Tests/js/redocly.yaml, the
/// recommended rules with operation ids and 4xx answers required) finds no error in /openapi/v1.json; every operation
/// says what its success looks like; and no endpoint answers with a database entity.
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

    [Fact]
    public async Task Every_operation_describes_its_success_with_a_schema()
    {
        using var client = app.Anonymous();
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        var operations = 0;
        var undescribed = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                operations++;
                var successes = operation.Value.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                var described = successes.Count > 0 && successes.All(r => r.Name == "204"
                    || (r.Value.TryGetProperty("content", out var content) && content.EnumerateObject().All(m => m.Value.TryGetProperty("schema", out _))));
                if (!described)
                    undescribed.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        }
        Assert.True(operations > 90, $"Only {operations} operations in the document.");
        Assert.True(undescribed.Count == 0, "Without a success schema: " + string.Join(", ", undescribed));

        var agency = document.RootElement.GetProperty("paths").GetProperty("/api/v1/agencies/{id}").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.Equal("#/components/schemas/AgencyDto", agency.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        var export = document.RootElement.GetProperty("paths").GetProperty("/api/v1/agencies/export").GetProperty("get").GetProperty("responses").GetProperty("200");
        Assert.True(export.GetProperty("content").TryGetProperty("text/csv", out _));
    }

    [Fact]
    public void No_endpoint_answers_with_a_database_entity()
    {
        using var scope = app.Services.CreateScope();
        var entities = scope.ServiceProvider.GetRequiredService<LiaisonDbContext>().Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet();
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var offenders = new List<string>();
        var described = 0;
        foreach (var endpoint in endpoints.Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true))
        {
            foreach (var type in endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Select(m => m.Type).OfType<Type>())
            {
                described++;
                if (EntityIn(type, entities, []) is { } entity)
                    offenders.Add($"{endpoint.RoutePattern.RawText} answers {entity.Name}");
            }
        }
        Assert.True(described > 90, $"Only {described} response types declared.");
        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    /// <summary>The first entity type reachable from <paramref name="type"/> through generic arguments, arrays and public properties.</summary>
    private static Type? EntityIn(Type type, HashSet<Type> entities, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            return null;
        if (entities.Contains(type))
            return type;
        var inner = type.IsArray ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : Array.Empty<Type>();
        foreach (var t in inner)
            if (EntityIn(t, entities, seen) is { } found)
                return found;
        if (type.Assembly != typeof(LiaisonDbContext).Assembly)
            return null;
        foreach (var property in type.GetProperties())
            if (EntityIn(property.PropertyType, entities, seen) is { } found)
                return found;
        return null;
    }
}
