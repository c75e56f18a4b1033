using Microsoft.AspNetCore.Antiforgery;

namespace WorkflowHub.Server.Infrastructure.Web;

/// <summary>
/// A signed-in browser sends its cookie with every request, also one a foreign site makes it send: so an API call
/// that changes state and is authenticated by the cookie must carry the anti-forgery token the pages hand out
/// (the islands send it in <see cref="UiCultures.CsrfHeaderName"/>). Bearer-token calls cannot be forged that way.
/// </summary>
public sealed class CookieApiAntiforgeryMiddleware(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsCookieAuthenticatedApiWrite(context) && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(
                title: "Missing or invalid anti-forgery token",
                detail: $"Send the page's token in the {UiCultures.CsrfHeaderName} header.",
                statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool IsCookieAuthenticatedApiWrite(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        && !HttpMethods.IsGet(context.Request.Method)
        && !HttpMethods.IsHead(context.Request.Method)
        && !HttpMethods.IsOptions(context.Request.Method)
        && context.Request.Headers.Authorization.Count == 0
        && context.User.Identity?.IsAuthenticated == true;
}
