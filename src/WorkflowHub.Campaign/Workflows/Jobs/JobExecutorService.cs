using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Workflows.Jobs;

/// <summary>
/// Runs the engine's <see cref="JobExecutor"/> loop for the life of the server, once the application has started
/// (so start-up steps have migrated the database and deployed the workflows first).
/// </summary>
public sealed class JobExecutorService(
    IWorkflowEngine engine,
    TimeProvider timeProvider,
    IOptions<JobExecutorSettings> settings,
    IHostApplicationLifetime lifetime,
    ILogger<JobExecutorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = settings.Value;
        if (!options.Enabled)
        {
            logger.LogInformation("The job executor is disabled (Engine:JobExecutor:Enabled=false)");
            return;
        }

        if (!await WaitForApplicationStartedAsync(stoppingToken))
        {
            return;
        }

        var executor = new JobExecutor(engine, timeProvider, new JobExecutorOptions
        {
            LockOwner = JobExecutorSettings.NewLockOwner(),
            BatchSize = options.BatchSize,
            IdleDelay = options.PollInterval,
            Error = exception => logger.LogError(exception, "A job executor round failed; the loop continues"),
        });
        logger.LogInformation("Job executor {LockOwner} polling every {Interval}", executor.Options.LockOwner, options.PollInterval);
        await executor.RunAsync(stoppingToken);
    }

    private async Task<bool> WaitForApplicationStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
