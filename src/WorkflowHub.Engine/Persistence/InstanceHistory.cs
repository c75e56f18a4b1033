namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// One instance's history as rows in a single growable array. A command fills one per instance it touches, appending
/// without a call into the store per row, and hands it over at commit; a store that keeps rows as values
/// (<see cref="IHistoryRowWriter"/>, the in-memory one) adopts it as the instance's stored history: one object per
/// instance instead of one per event, fewer objects for the garbage collector to trace. Queries get fresh records.
/// </summary>
internal sealed class InstanceHistory(Guid instanceId)
{
    /// <summary>Room for a simple instance's first command (start, a few elements, their variables, end) without growing.</summary>
    private const int InitialCapacity = 16;

    private HistoryRow[] _rows = new HistoryRow[InitialCapacity];
    private int _count;

    public Guid InstanceId { get; } = instanceId;

    public ReadOnlySpan<HistoryRow> Rows => _rows.AsSpan(0, _count);

    public void Add(in HistoryRow row)
    {
        if (_count == _rows.Length)
        {
            Array.Resize(ref _rows, _rows.Length * 2);
        }

        _rows[_count++] = row;
    }

    public void AddRange(InstanceHistory other)
    {
        foreach (ref readonly var row in other.Rows)
        {
            Add(in row);
        }
    }

    /// <summary>The rows as records ordered by sequence (stable for equal sequences, like the other stores' ORDER BY).</summary>
    public List<HistoryEventRecord> ToRecords()
    {
        var records = new List<HistoryEventRecord>(_count);
        var ordered = true;
        for (var i = 0; i < _count; i++)
        {
            ordered &= i == 0 || _rows[i - 1].Sequence <= _rows[i].Sequence;
            records.Add(_rows[i].ToRecord(InstanceId));
        }

        // The engine appends in sequence order; only rows written by hand (tests, tools) need sorting.
        return ordered ? records : records.OrderBy(r => r.Sequence).ToList();
    }
}
