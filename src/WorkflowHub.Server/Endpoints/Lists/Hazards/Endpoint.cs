using Mediator;
using WorkflowHub.Campaign.Features.Lists;
using WorkflowHub.Campaign.Spreadsheets.Export;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Lists.Hazards;

/// <summary>GET /api/lists/hazards.xlsx: 问题隐患清单, a summary sheet and one sheet per area.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/lists/hazards.xlsx", HandleAsync)
            .WithTags("Lists")
            .WithName("ExportHazardList")
            .Produces(StatusCodes.Status200OK, contentType: TwoListsWorkbookWriter.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.File(await sender.Send(new ExportHazardList(), cancellationToken), TwoListsWorkbookWriter.ContentType, TwoListsWorkbookWriter.HazardListFileName);
}
