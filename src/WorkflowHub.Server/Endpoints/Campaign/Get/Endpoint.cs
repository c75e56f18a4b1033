using Mediator;
using WorkflowHub.Campaign.Features.CampaignOverview;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Campaign.Get;

/// <summary>GET /api/campaign: phases and areas with their units, tasks and targets.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/campaign", HandleAsync)
            .WithTags("Campaign")
            .WithName("GetCampaign")
            .Produces<CampaignView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetCampaign(), cancellationToken));
}
