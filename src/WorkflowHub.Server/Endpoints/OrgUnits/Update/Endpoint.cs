using Mediator;
using WorkflowHub.Campaign.Features.OrgUnits;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.OrgUnits.Update;

/// <summary>PUT /api/org-units/{code}: renames an org unit (admins only); send the version you read.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPut("/api/org-units/{code}", HandleAsync)
            .WithTags("Org units")
            .WithName("UpdateOrgUnit")
            .Produces<OrgUnitView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(string code, UpdateOrgUnitBody body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new UpdateOrgUnit(code, body.NameZh ?? string.Empty, body.NameEn ?? string.Empty, body.Version),
            cancellationToken));
}

public sealed record UpdateOrgUnitBody(string? NameZh, string? NameEn, long Version);
