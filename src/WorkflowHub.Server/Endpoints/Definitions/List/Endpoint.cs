using Mediator;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Definitions.List;

/// <summary>GET /api/definitions: every deployed process key with its latest version.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/definitions", HandleAsync)
            .WithTags("Definitions")
            .WithName("ListDefinitions")
            .Produces<IReadOnlyList<DefinitionSummary>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDefinitions(), cancellationToken));
}
