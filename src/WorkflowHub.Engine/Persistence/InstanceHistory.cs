namespace WorkflowHub.Engine.Persistence.InMemory;

/// <summary>
/// One instance's history as rows in a single growable array. A store holding many instances keeps one object per
/// instance here instead of one per event: fewer objects for the garbage collector to trace and promote, and no
/// per-event allocation when the engine writes rows as values. Queries get fresh, detached records.
/// </summary>
internal sealed class InstanceHistory(Guid instanceId)
{
    /// <summary>Room for a simple instance's first command (start, a few elements, their variables, end) without growing.</summary>
    private const int InitialCapacity = 16;

    private HistoryRow[] _rows = new HistoryRow[InitialCapacity];
    private int _count;

    public Guid InstanceId { get; } = instanceId;

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
        for (var i = 0; i < other._count; i++)
        {
            Add(in other._rows[i]);
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
