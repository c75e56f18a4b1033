using Mediator;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Backups;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Backups;

/// <summary>Opens one backup for download; the name must be one the server made (<see cref="BackupFileNames"/>), else 404.</summary>
[RequireRoles(Roles.Admin)]
public sealed record GetBackup(string Name) : IQuery<BackupContent>;

/// <summary>The backup's bytes; the caller disposes <see cref="Content"/>.</summary>
public sealed record BackupContent(string Name, Stream Content);

public sealed class GetBackupHandler(BackupStore store) : IQueryHandler<GetBackup, BackupContent>
{
    public ValueTask<BackupContent> Handle(GetBackup query, CancellationToken cancellationToken)
    {
        var content = store.OpenRead(query.Name) ?? throw NotFoundException.For("Backup", query.Name);
        return ValueTask.FromResult(new BackupContent(query.Name, content));
    }
}
