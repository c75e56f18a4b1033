using Mediator;
using WorkflowHub.Campaign.Features.Notifications;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Notifications.MarkRead;

/// <summary>POST /api/notifications/{id}/read: marks a notice of the caller's unit as read; 404 for another unit's.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/notifications/{id:guid}/read", HandleAsync)
            .WithTags("Notifications")
            .WithName("MarkNotificationRead")
            .Produces<NotificationView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(Guid id, ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new MarkNotificationRead(id), cancellationToken));
}
