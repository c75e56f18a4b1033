using Mediator;
using WorkflowHub.Campaign.Features.Definitions;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Definitions.Get;

/// <summary>GET /api/definitions/{key}: a process key with all its versions, newest first.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/definitions/{key}", HandleAsync)
            .WithTags("Definitions")
            .WithName("GetDefinition")
            .Produces<DefinitionDetails>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string key, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetDefinition(key), cancellationToken));
}
