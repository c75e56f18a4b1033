namespace WorkflowHub.Benchmarks.Hosting;

/// <summary>Samples a process's resident memory every 100 ms while started and keeps the peak.</summary>
public sealed class WorkingSetSampler(Func<long> read) : IDisposable
{
    private readonly Lock _gate = new();
    private Timer? _timer;

    public long Peak { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            _timer ??= new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
        }
    }

    public void Stop()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _timer = null;
        }

        Sample();
    }

    public void Dispose() => Stop();

    private void Sample()
    {
        var now = read();
        lock (_gate)
        {
            Peak = Math.Max(Peak, now);
        }
    }
}
