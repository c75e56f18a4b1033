using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace WorkflowHub.Server.Infrastructure.Hosting;

/// <summary>JSON API bodies are small; a tighter limit than the server-wide one keeps a hostile body from costing memory.</summary>
public sealed class ApiBodySizeLimitMiddleware(RequestDelegate next, IOptions<ApiOptions> options, IProblemDetailsService problemDetails)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // File uploads (evidence, import lists) are multipart and bounded by their own handlers' limits.
        if (!context.Request.Path.StartsWithSegments("/api") || context.Request.HasFormContentType)
        {
            await next(context);
            return;
        }

        var limit = options.Value.MaxJsonBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            // Refused before anything reads the body.
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problemDetails.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "The request body is too large.",
                    Detail = $"An API request body may have at most {limit} bytes.",
                },
            });
            return;
        }

        // A body without Content-Length (chunked) is cut off by the server while it is read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(context);
    }
}
