using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Backups;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Backups;

/// <summary>Writes an online backup of the whole database into the backup folder under a name the server chooses.</summary>
[RequireRoles(Roles.Admin)]
public sealed record CreateBackup : ICommand<BackupFile>;

public sealed class CreateBackupHandler(BackupStore store) : ICommandHandler<CreateBackup, BackupFile>
{
    public async ValueTask<BackupFile> Handle(CreateBackup command, CancellationToken cancellationToken) =>
        await store.CreateAsync(cancellationToken);
}
