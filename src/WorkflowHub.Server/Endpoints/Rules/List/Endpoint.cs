using Mediator;
using WorkflowHub.Campaign.Features.Rules;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Rules.List;

/// <summary>GET /api/rules: the rules catalogue (name, description in Chinese and English, tags, policy keys read).</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/rules", HandleAsync)
            .WithTags("Rules")
            .WithName("ListRules")
            .Produces<RuleCatalogueView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListRules(), cancellationToken));
}
