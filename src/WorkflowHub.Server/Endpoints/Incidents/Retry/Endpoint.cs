using Mediator;
using WorkflowHub.Campaign.Features.Incidents;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Incidents.Retry;

/// <summary>POST /api/incidents/{id}/retry (admins): resolves an open incident and retries what failed.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/incidents/{id:guid}/retry", HandleAsync)
            .WithTags("Incidents")
            .WithName("RetryIncident")
            .Produces<RetryIncidentResult>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RetryIncident(id), cancellationToken));
}
