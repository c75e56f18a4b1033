using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Campaign.Backups;

/// <summary>Takes the lock before the first migration touches the file, so a restore cannot start under a starting server.</summary>
public sealed class AcquireDatabaseLockStep(DatabaseLockHolder holder) : IStartupStep
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        holder.Acquire();
        return Task.CompletedTask;
    }
}
