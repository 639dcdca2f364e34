using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Liaison.Web.Platform.Web;

/// <summary>Describes the API's one way in (bearer tokens) in the OpenAPI document.</summary>
internal sealed class OpenApiBearerTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Liaison API";
        document.Info.Description =
            "The same operations as Liaison's pages. Authenticate with POST /api/v1/auth/token or a personal access token, " +
            "then send Authorization: Bearer <token>. Errors are RFC 9457 problem details; updates carry the record's version " +
            "(If-Match or a version field) and a stale one is answered 409.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A session token from POST /api/v1/auth/token, or a personal access token from your profile page.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
