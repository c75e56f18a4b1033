using Mediator;
using WorkflowHub.Campaign.Features.OrgUnits;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.OrgUnits.List;

/// <summary>GET /api/org-units: every org unit with its kind, names, parent and version.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/org-units", HandleAsync)
            .WithTags("Org units")
            .WithName("ListOrgUnits")
            .Produces<IReadOnlyList<OrgUnitView>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListOrgUnits(), cancellationToken));
}
