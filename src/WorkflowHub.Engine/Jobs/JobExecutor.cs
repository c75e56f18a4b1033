namespace WorkflowHub.Engine;

/// <summary>
/// The job executor loop: acquire due jobs, run them, sleep when idle. Host-agnostic (the server runs
/// <see cref="RunAsync"/> from a hosted service); several nodes may run it against one store.
/// </summary>
public sealed class JobExecutor(IWorkflowEngine engine, TimeProvider? timeProvider = null, JobExecutorOptions? options = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    public JobExecutorOptions Options { get; } = options ?? new JobExecutorOptions();

    /// <summary>Runs rounds until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            int acquired;
            try
            {
                acquired = await RunOnceAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                Options.Error?.Invoke(ex);
                acquired = 0;
            }

            if (acquired < Options.BatchSize)
            {
                try
                {
                    await Task.Delay(Options.IdleDelay, _time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One round: acquires and runs up to <see cref="JobExecutorOptions.BatchSize"/> due jobs.</summary>
    public Task<int> RunOnceAsync(CancellationToken cancellationToken = default) =>
        engine.ExecuteDueJobsAsync(Options.LockOwner, Options.BatchSize, cancellationToken);
}
