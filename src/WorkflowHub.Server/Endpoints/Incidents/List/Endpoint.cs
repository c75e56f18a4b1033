using Mediator;
using WorkflowHub.Campaign.Features.Incidents;
using WorkflowHub.Campaign.Features.Instances;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Server.Endpoints.Instances;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Incidents.List;

/// <summary>GET /api/incidents?instanceId=&amp;state=open|resolved|all&amp;skip=&amp;take= (admins, committee office, auditors): open ones by default.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/incidents", HandleAsync)
            .WithTags("Incidents")
            .WithName("ListIncidents")
            .Produces<Page<IncidentView>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(Guid? instanceId, string? state, int? skip, int? take, ISender sender, CancellationToken cancellationToken)
    {
        var all = string.Equals(state, "all", StringComparison.OrdinalIgnoreCase);
        return TypedResults.Ok(await sender.Send(
            new ListIncidents(instanceId, all ? null : QueryValues.Enum<IncidentState>(state), all, skip ?? 0, take ?? Paging.DefaultTake),
            cancellationToken));
    }
}
