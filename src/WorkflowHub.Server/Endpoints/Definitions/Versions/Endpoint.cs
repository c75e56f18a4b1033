using Mediator;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Definitions.Versions;

/// <summary>GET /api/definitions/{key}/versions: [{version, id, deployedAt, deployedBy}], newest first.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/definitions/{key}/versions", HandleAsync)
            .WithTags("Definitions")
            .WithName("ListDefinitionVersions")
            .Produces<IReadOnlyList<DefinitionVersionView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string key, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListDefinitionVersions(key), cancellationToken));
}
