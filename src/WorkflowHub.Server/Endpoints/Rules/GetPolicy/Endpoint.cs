using Mediator;
using WorkflowHub.Campaign.Features.Rules;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Rules.GetPolicy;

/// <summary>GET /api/rules/policy: the thresholds in force with their version.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/rules/policy", HandleAsync)
            .WithTags("Rules")
            .WithName("GetRulePolicy")
            .Produces<PolicyVersionView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new global::WorkflowHub.Campaign.Features.Rules.GetPolicy(), cancellationToken));
}
