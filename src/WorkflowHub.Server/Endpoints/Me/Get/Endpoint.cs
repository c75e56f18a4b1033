using Mediator;
using WorkflowHub.Campaign.Features.Me;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Me.Get;

/// <summary>GET /api/me: the signed-in user's name, roles and org unit.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/me", HandleAsync)
            .WithTags("Me")
            .WithName("GetMe")
            .Produces<MeView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetMe(), cancellationToken));
}
