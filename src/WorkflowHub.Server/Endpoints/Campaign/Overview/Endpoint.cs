using Mediator;
using WorkflowHub.Campaign.Features.Overview;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Campaign.Overview;

/// <summary>GET /api/campaign/overview: current phase; per area and district hazards open/closed/overdue, rectification rate, targets.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/campaign/overview", HandleAsync)
            .WithTags("Campaign")
            .WithName("GetCampaignOverview")
            .Produces<CampaignOverview>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetCampaignOverview(), cancellationToken));
}
