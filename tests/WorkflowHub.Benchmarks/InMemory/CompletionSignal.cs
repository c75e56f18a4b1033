namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>Counts instances down to zero and completes a task then, so a round can await "all N finished".</summary>
public sealed class CompletionSignal
{
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining;

    public Task Completed => _done.Task;

    public void Reset(int expected)
    {
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _remaining, expected);
    }

    public void Signal()
    {
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _done.TrySetResult();
        }
    }

    /// <summary>Waits for the round, failing loudly instead of hanging a benchmark when instances get lost.</summary>
    public async Task WaitAsync(TimeSpan timeout)
    {
        try
        {
            await Completed.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Volatile.Read(ref _remaining)} instances had not completed after {timeout}.");
        }
    }
}
