using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Liaison.Web.Platform.Web;

/// <summary>
/// Says "one of" where an operation answers the same status with one of several shapes, as its typed results declare
/// (an initiative: the full record for provider staff, the shared fields for agency users). Without it the document
/// would name only the last shape.
/// </summary>
internal sealed class OpenApiAlternativeResponses : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var alternatives = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.Type is not null && m.Type != typeof(void) && m.ContentTypes.Contains("application/json"))
            .GroupBy(m => m.StatusCode)
            .Where(g => g.Select(m => m.Type).Distinct().Count() > 1);
        foreach (var status in alternatives)
        {
            if (operation.Responses?.TryGetValue(status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), out var response) != true
                || response!.Content?.TryGetValue("application/json", out var media) != true)
                continue;
            var schemas = new List<IOpenApiSchema>();
            foreach (var type in status.Select(m => m.Type!).Distinct())
                schemas.Add(await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            media!.Schema = new OpenApiSchema { OneOf = schemas };
        }
    }
}
