using Mediator;
using WorkflowHub.Campaign.Features.Targets;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Targets.List;

/// <summary>GET /api/targets: every quantified target with its latest value, the value expected by now and on-track/behind/missed.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/targets", HandleAsync)
            .WithTags("Targets")
            .WithName("ListTargets")
            .Produces<IReadOnlyList<TargetProgressView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken, string? area = null, string? unit = null, TargetStatus? status = null) =>
        TypedResults.Ok(await sender.Send(new ListTargets(area, unit, status), cancellationToken));
}
