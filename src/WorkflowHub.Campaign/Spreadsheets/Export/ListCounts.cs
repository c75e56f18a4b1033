namespace WorkflowHub.Campaign.Spreadsheets.Export;

/// <summary>The 汇总 figures of one area: all items, finished (销号 / 完成), still open, and open past their deadline.</summary>
public readonly record struct ListCounts(int Total, int Finished, int Open, int Overdue)
{
    public static ListCounts Of<TRow>(ListLayout<TRow> layout, IEnumerable<TRow> rows, DateOnly asOf)
    {
        int total = 0, finished = 0, overdue = 0;
        foreach (var row in rows)
        {
            total++;
            if (layout.IsFinished(row))
            {
                finished++;
            }
            else if (layout.Deadline(row) is { } deadline && deadline < asOf)
            {
                overdue++;
            }
        }
        return new ListCounts(total, finished, total - finished, overdue);
    }

    public static ListCounts operator +(ListCounts left, ListCounts right) => new(
        left.Total + right.Total, left.Finished + right.Finished, left.Open + right.Open, left.Overdue + right.Overdue);

    public static ListCounts Add(ListCounts left, ListCounts right) => left + right;
}
