namespace WorkflowHub.Engine.Scripting;

/// <summary>
/// A small lock-free pool of <see cref="SandboxEngine"/>s (the shape of Microsoft.Extensions.ObjectPool's default
/// pool): a fast slot plus a few more, sized to the cores, since evaluations are synchronous and each holds an engine
/// only while its script runs. An engine that failed or was tampered with is never returned.
/// </summary>
internal sealed class SandboxPool(ScriptLimits limits)
{
    private readonly SandboxEngine?[] _items = new SandboxEngine?[Math.Max(2, Environment.ProcessorCount * 2)];
    private SandboxEngine? _first;
    private int _warmUpStarted;

    public SandboxEngine Rent()
    {
        var item = _first;
        if (item is not null && Interlocked.CompareExchange(ref _first, null, item) == item)
        {
            return item;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            item = _items[i];
            if (item is not null && Interlocked.CompareExchange(ref _items[i], null, item) == item)
            {
                return item;
            }
        }

        return new SandboxEngine(limits);
    }

    public void Return(SandboxEngine engine)
    {
        if (_first is null && Interlocked.CompareExchange(ref _first, engine, null) is null)
        {
            return;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _items[i], engine, null) is null)
            {
                return;
            }
        }
    }

    /// <summary>Builds one engine off the caller's thread, so the first script of the process does not pay for it (the first call only).</summary>
    public void WarmUpInBackground()
    {
        if (Interlocked.Exchange(ref _warmUpStarted, 1) == 0)
        {
            _ = Task.Run(BuildOne);
        }
    }

    private void BuildOne()
    {
        try
        {
            Return(new SandboxEngine(limits));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Only a head start: the first evaluation builds its own engine and reports any real failure.
            System.Diagnostics.Trace.TraceWarning("Script engine warm-up failed: {0}", ex.Message);
        }
    }
}
