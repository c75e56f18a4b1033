using Mediator;
using WorkflowHub.Campaign.Features.Notifications;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Notifications.List;

/// <summary>GET /api/notifications: the notices delivered to the caller's org unit, newest first.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/notifications", HandleAsync)
            .WithTags("Notifications")
            .WithName("ListNotifications")
            .Produces<NotificationsPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

    private static async Task<IResult> HandleAsync(
        ISender sender,
        CancellationToken cancellationToken,
        bool unreadOnly = false,
        int skip = 0,
        int take = Paging.DefaultTake) =>
        TypedResults.Ok(await sender.Send(new ListNotifications(unreadOnly, skip, take), cancellationToken));
}
