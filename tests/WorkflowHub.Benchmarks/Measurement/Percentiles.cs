namespace WorkflowHub.Benchmarks.Measurement;

/// <summary>Nearest-rank percentiles over a sample of durations.</summary>
public sealed class Percentiles
{
    private readonly double[] _sortedMilliseconds;

    public Percentiles(IEnumerable<TimeSpan> samples)
    {
        _sortedMilliseconds = samples.Select(s => s.TotalMilliseconds).Order().ToArray();
        if (_sortedMilliseconds.Length == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }
    }

    public int Count => _sortedMilliseconds.Length;

    public double Min => _sortedMilliseconds[0];

    public double Max => _sortedMilliseconds[^1];

    public double Median => At(50);

    public double At(double percentile)
    {
        var rank = (int)Math.Ceiling(percentile / 100 * _sortedMilliseconds.Length);
        return _sortedMilliseconds[Math.Clamp(rank - 1, 0, _sortedMilliseconds.Length - 1)];
    }

    public override string ToString() =>
        $"n={Count}  min={Min:F3} ms  p50={At(50):F3} ms  p90={At(90):F3} ms  p95={At(95):F3} ms  p99={At(99):F3} ms  max={Max:F3} ms";
}
