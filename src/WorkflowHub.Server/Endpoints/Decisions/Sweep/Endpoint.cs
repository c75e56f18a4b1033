using Mediator;
using WorkflowHub.Campaign.Decisions.Evaluation;
using WorkflowHub.Campaign.Features.Decisions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Decisions.Sweep;

/// <summary>POST /api/decisions/sweep: runs the daily sweep now (admins) and returns its counts and duration.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/decisions/sweep", HandleAsync)
            .WithTags("Decisions")
            .WithName("RunDecisionSweep")
            .Produces<SweepReport>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new RunDecisionSweep(), cancellationToken));
}
