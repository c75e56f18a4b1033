using System.Text.Json;
using Mediator;
using WorkflowHub.Campaign.Features.Rules;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Rules.UpdatePolicy;

/// <summary>
/// PUT /api/rules/policy: saves new thresholds as the next version (admins). A bad document is 400 naming each
/// field (errors under "policy.section.key"), and nothing is stored.
/// </summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/rules/policy", HandleAsync)
            .WithTags("Rules")
            .WithName("UpdateRulePolicy")
            .Produces<PolicyUpdateView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(UpdatePolicyBody body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new global::WorkflowHub.Campaign.Features.Rules.UpdatePolicy(body.Policy, body.Comment), cancellationToken));
}

/// <summary>The policy document (as GET returns it under "policy") and why it changes.</summary>
public sealed record UpdatePolicyBody(JsonElement Policy, string? Comment);
