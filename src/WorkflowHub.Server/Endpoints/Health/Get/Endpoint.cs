using Mediator;
using WorkflowHub.Campaign.Features.Health;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Health.Get;

/// <summary>GET /health: 200 when the server and its database answer, 503 otherwise. No sign-in needed.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/health", HandleAsync)
            .AllowAnonymous()
            .WithTags("Health")
            .WithName("GetHealth")
            .Produces<HealthReport>()
            .Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken)
    {
        var report = await sender.Send(new CheckHealth(), cancellationToken);
        return report.IsHealthy ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
