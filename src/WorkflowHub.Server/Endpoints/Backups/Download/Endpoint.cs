using Mediator;
using WorkflowHub.Campaign.Features.Backups;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Backups.Download;

/// <summary>GET /api/admin/backups/{name}: downloads one backup; only names the server made are accepted (else 404).</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/backups/{name}", HandleAsync)
            .WithTags("Backups")
            .WithName("DownloadBackup")
            .WithSummary("Download a backup")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.sqlite3")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> HandleAsync(string name, ISender sender, CancellationToken cancellationToken)
    {
        var backup = await sender.Send(new GetBackup(name), cancellationToken);
        return TypedResults.File(backup.Content, "application/vnd.sqlite3", backup.Name);
    }
}
