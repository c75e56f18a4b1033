using System.Text.Json;
using Mediator;
using WorkflowHub.Campaign.Features.Instances;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Instances.Start;

/// <summary>POST /api/instances (admins, committee office): starts the latest version of a process; 201 with the instance.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/instances", HandleAsync)
            .WithTags("Instances")
            .WithName("StartInstance")
            .Produces<InstanceDetails>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(StartInstanceBody body, ISender sender, CancellationToken cancellationToken)
    {
        var instance = await sender.Send(new StartInstance(body.DefinitionKey ?? string.Empty, body.BusinessKey, body.Variables), cancellationToken);
        return TypedResults.Created($"/api/instances/{instance.Id}", instance);
    }
}

public sealed record StartInstanceBody(string? DefinitionKey, string? BusinessKey, JsonElement? Variables);
