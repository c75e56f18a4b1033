using Mediator;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using WorkflowHub.Campaign.Features.Auth;
using WorkflowHub.Server.Infrastructure.Auth;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Auth.Token;

/// <summary>POST /api/auth/token: exchanges a user name and password for a bearer token; 429 after too many attempts for one user name.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/token", HandleAsync)
            .AllowAnonymous()
            .WithTags("Auth")
            .WithName("IssueToken")
            .Produces<AccessTokenResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

    private static async Task<IResult> HandleAsync(TokenRequest body, HttpContext context, SignInRateLimiter rateLimiter, ISender sender, CancellationToken cancellationToken)
    {
        if (!rateLimiter.TryAcquire(context, body.UserName))
        {
            rateLimiter.WriteRetryAfter(context.Response);
            return TypedResults.Problem(
                title: "Too many sign-in attempts.",
                detail: $"Wait {(int)rateLimiter.Window.TotalSeconds} seconds before trying this user name again.",
                statusCode: StatusCodes.Status429TooManyRequests);
        }

        var principal = await sender.Send(new IssueToken(body.UserName ?? string.Empty, body.Password ?? string.Empty), cancellationToken);
        // The bearer handler writes { tokenType: "Bearer", accessToken, expiresIn, refreshToken }.
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}

public sealed record TokenRequest(string? UserName, string? Password);
