using Mediator;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Hazards.List;

/// <summary>GET /api/hazards: the hazards the user may see, filtered by area, district, unit, grade, state, overdue, source and text, sorted and paged.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/hazards", HandleAsync)
            .WithTags("Hazards")
            .WithName("ListHazards")
            .Produces<HazardPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(
        ISender sender,
        CancellationToken cancellationToken,
        string? area = null,
        string? district = null,
        string? unit = null,
        HazardGrade? grade = null,
        HazardState? state = null,
        bool? overdue = null,
        HazardSource? source = null,
        int page = 1,
        int pageSize = ListHazards.DefaultPageSize,
        string? text = null,
        HazardSortOrder sort = HazardSortOrder.Newest) =>
        TypedResults.Ok(await sender.Send(new ListHazards(area, district, unit, grade, state, overdue, source, page, pageSize, text, sort), cancellationToken));
}
