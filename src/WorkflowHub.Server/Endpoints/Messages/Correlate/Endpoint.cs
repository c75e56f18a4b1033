using System.Text.Json;
using Mediator;
using WorkflowHub.Campaign.Features.Messages;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Messages.Correlate;

/// <summary>POST /api/messages {name, businessKey?, correlationKeys?, variables?}: 200 {instanceIds}; 404 when nothing waited.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/messages", HandleAsync)
            .WithTags("Messages")
            .WithName("CorrelateMessage")
            .Produces<CorrelateMessageResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> HandleAsync(CorrelateMessageBody body, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(
            new CorrelateMessage(body.Name ?? string.Empty, body.BusinessKey, body.CorrelationKeys, body.Variables),
            cancellationToken));
}

public sealed record CorrelateMessageBody(string? Name, string? BusinessKey, JsonElement? CorrelationKeys, JsonElement? Variables);
