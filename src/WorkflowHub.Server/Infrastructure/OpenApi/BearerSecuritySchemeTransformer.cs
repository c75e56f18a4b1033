using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace WorkflowHub.Server.Infrastructure.OpenApi;

/// <summary>Documents the bearer token from <c>POST /api/auth/token</c> so the interactive page can send it.</summary>
public sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public const string SchemeName = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "WorkflowHub API";
        document.Info.Description = "Get a token with POST /api/auth/token, then send it as 'Authorization: Bearer <token>'.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            In = ParameterLocation.Header,
            Description = "The accessToken returned by POST /api/auth/token.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(SchemeName, document)] = [],
        });
        return Task.CompletedTask;
    }
}
