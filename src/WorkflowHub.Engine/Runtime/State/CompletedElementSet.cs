namespace WorkflowHub.Engine.Runtime.State;

/// <summary>
/// The ids of the elements an instance completed at least once, in the order of their first completion. Most instances
/// complete a handful of elements: a scan of a small array finds a repeat (the ids are the model's own strings, so the
/// comparison usually ends at the reference check), which costs less to build and fill than a hash set. Past
/// <see cref="IndexThreshold"/> ids a hash set joins the array, so an instance of thousands of elements stays linear.
/// </summary>
internal sealed class CompletedElementSet(int capacity)
{
    private const int IndexThreshold = 16;

    private string[] _items = new string[Math.Max(capacity, 1)];
    private int _count;
    private HashSet<string>? _index;

    public CompletedElementSet()
        : this(4)
    {
    }

    public int Count => _count;

    /// <summary>The id added <paramref name="index"/>-th (first completions in order).</summary>
    public string this[int index] => (uint)index < (uint)_count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Adds <paramref name="elementId"/> unless present; returns whether it was added.</summary>
    public bool Add(string elementId)
    {
        if (_index is not null)
        {
            if (!_index.Add(elementId))
            {
                return false;
            }
        }
        else
        {
            for (var i = 0; i < _count; i++)
            {
                if (string.Equals(_items[i], elementId, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            if (_count == IndexThreshold)
            {
                _index = new HashSet<string>(_count * 2, StringComparer.Ordinal);
                for (var i = 0; i < _count; i++)
                {
                    _index.Add(_items[i]);
                }

                _index.Add(elementId);
            }
        }

        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = elementId;
        return true;
    }

    public string[] ToArray()
    {
        // Plain array code rather than span helpers: those are shared generic code, costly before the JIT optimizes them.
        var copy = new string[_count];
        Array.Copy(_items, copy, _count);
        return copy;
    }
}
