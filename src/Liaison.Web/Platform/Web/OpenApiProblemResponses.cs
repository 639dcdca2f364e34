using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// Says in the OpenAPI document what every operation can answer besides success, as RFC 9457 problem details, and names
/// each operation (a stable operationId from its method and path, for client generators). What each status means:
/// 400 a query or header Liaison cannot read; 401 no or a spent token; 403 not the user's to do; 404 no such record or
/// not the user's to see; 409 a stale version; 413 a file too large; 422 values not acceptable (field errors); 428 an
/// update without the version it was made against.
/// </summary>
internal sealed class OpenApiProblemResponses : IOpenApiDocumentTransformer
{
    private const string ProblemSchema = "ProblemDetails";

    /// <summary>The API's one anonymous route.</summary>
    private const string TokenPath = "/api/v1/auth/token";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details; errors (field name → messages) when values are not acceptable.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                },
            },
        };
        // A server URL ends without a slash (paths begin with one).
        foreach (var server in document.Servers ?? [])
            server.Url = server.Url?.TrimEnd('/');

        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                operation.OperationId ??= OperationId(method, path);
                operation.Responses ??= new OpenApiResponses();
                var writes = method != HttpMethod.Get;
                var hasInput = writes || operation.Parameters?.Count > 0;
                if (hasInput)
                    Add(operation, document, "400", "The query, a header or the body cannot be read (for instance a control character in the address, or a malformed Idempotency-Key).");
                if (path != TokenPath)
                {
                    Add(operation, document, "401", "No token, or one that has expired or been revoked.");
                    Add(operation, document, "403", "The user's role or agency does not allow this.");
                }
                if (path.Contains('{', StringComparison.Ordinal))
                    Add(operation, document, "404", "No such record, or not the user's to see.");
                if (hasInput)
                    Add(operation, document, "422", "Some values are not acceptable: errors names each field with its messages.");
                if (method == HttpMethod.Put)
                {
                    Add(operation, document, "409", "The record changed since the version sent: currentVersion, changedBy and fields say how.");
                    Add(operation, document, "428", "The update does not say which version it was made against (If-Match or version).");
                }
                if (path.EndsWith("/import", StringComparison.Ordinal))
                    Add(operation, document, "413", "The file is larger than Liaison reads.");
            }
        }
        return Task.CompletedTask;
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument document, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
            return;
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
            },
        };
    }

    /// <summary>getAgenciesById, postInitiativesByIdUpdates: the method, then each segment after /api/v1.</summary>
    private static string OperationId(HttpMethod method, string path)
    {
        var name = new StringBuilder(method.Method.ToLowerInvariant());
        foreach (var segment in path.Replace("/api/v1", "", StringComparison.Ordinal).Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var parameter = segment.Trim('{', '}').Split(':')[0];
            var word = segment.StartsWith('{') ? "By-" + parameter : segment;
            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                name.Append(char.ToUpper(part[0], CultureInfo.InvariantCulture)).Append(part.AsSpan(1));
        }
        return name.ToString();
    }
}
