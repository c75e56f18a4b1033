using Mediator;
using WorkflowHub.Campaign.Features.Rules;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Rules.ListPolicyVersions;

/// <summary>GET /api/rules/policy/versions: every saved version of the thresholds, newest first.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/rules/policy/versions", HandleAsync)
            .WithTags("Rules")
            .WithName("ListRulePolicyVersions")
            .Produces<IReadOnlyList<PolicyVersionView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new global::WorkflowHub.Campaign.Features.Rules.ListPolicyVersions(), cancellationToken));
}
