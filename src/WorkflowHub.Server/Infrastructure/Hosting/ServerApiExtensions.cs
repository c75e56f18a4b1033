using System.Text.Json.Serialization;
using Scalar.AspNetCore;
using WorkflowHub.Server.Infrastructure.Errors;
using WorkflowHub.Server.Infrastructure.OpenApi;

namespace WorkflowHub.Server.Infrastructure.Hosting;

public static class ServerApiExtensions
{
    /// <summary>JSON with enum names, problem details for every error, OpenAPI and the body size limit.</summary>
    public static IServiceCollection AddServerApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName));
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecuritySchemeTransformer>());
        return services;
    }

    /// <summary>The middleware order: errors first, then limits, authentication and authorization.</summary>
    public static WebApplication UseServerPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        // Empty 401/403/404 responses (from authentication or routing) get a problem details body too.
        app.UseStatusCodePages();
        app.UseMiddleware<ApiBodySizeLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference(options => options.WithTitle("WorkflowHub API")).AllowAnonymous();
        return app;
    }
}
