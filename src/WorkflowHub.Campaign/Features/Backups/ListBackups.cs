using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Backups;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Backups;

/// <summary>The backups in the backup folder, newest first.</summary>
[RequireRoles(Roles.Admin)]
public sealed record ListBackups : IQuery<IReadOnlyList<BackupFile>>;

public sealed class ListBackupsHandler(BackupStore store) : IQueryHandler<ListBackups, IReadOnlyList<BackupFile>>
{
    public async ValueTask<IReadOnlyList<BackupFile>> Handle(ListBackups query, CancellationToken cancellationToken) =>
        await store.ListAsync(cancellationToken);
}
