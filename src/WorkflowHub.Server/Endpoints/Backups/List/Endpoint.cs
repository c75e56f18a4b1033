using Mediator;
using WorkflowHub.Campaign.Backups;
using WorkflowHub.Campaign.Features.Backups;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Backups.List;

/// <summary>GET /api/admin/backups: the backups in the backup folder, newest first.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/backups", HandleAsync)
            .WithTags("Backups")
            .WithName("ListBackups")
            .WithSummary("List backups")
            .Produces<IReadOnlyList<BackupFile>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListBackups(), cancellationToken));
}
