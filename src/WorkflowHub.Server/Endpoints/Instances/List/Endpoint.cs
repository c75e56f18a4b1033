using Mediator;
using WorkflowHub.Campaign.Features.Instances;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Instances.List;

/// <summary>
/// GET /api/instances?definitionKey=&amp;businessKey=&amp;state=&amp;skip=&amp;take=: newest first, paged {items, total}.
/// The committee office, auditors and admins see all; others the instances they have or had a task in.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/instances", HandleAsync)
            .WithTags("Instances")
            .WithName("ListInstances")
            .Produces<Page<InstanceSummary>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(
        string? definitionKey, string? businessKey, string? state, int? skip, int? take, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new ListInstances(definitionKey, businessKey, QueryValues.Enum<InstanceState>(state), skip ?? 0, take ?? Paging.DefaultTake),
            cancellationToken));
}
