using Mediator;
using WorkflowHub.Campaign.Backups;
using WorkflowHub.Campaign.Features.Backups;
using WorkflowHub.Server.Infrastructure.Endpoints;

namespace WorkflowHub.Server.Endpoints.Backups.Create;

/// <summary>POST /api/admin/backups: an online backup of the database into the backup folder; its name, size and SHA-256.</summary>
public sealed class Endpoint : IEndpoint
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapPost("/api/admin/backups", HandleAsync)
            .WithTags("Backups")
            .WithName("CreateBackup")
            .WithSummary("Back up the database now")
            .WithDescription("Copies the live SQLite database (campaign, accounts, decisions, audit chain and engine state) with SQLite's online backup API into `Backup:Folder`. The server names the file. Admins.")
            .Produces<BackupFile>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<IResult> HandleAsync(ISender sender, CancellationToken cancellationToken)
    {
        var backup = await sender.Send(new CreateBackup(), cancellationToken);
        return TypedResults.Created($"/api/admin/backups/{backup.Name}", backup);
    }
}
