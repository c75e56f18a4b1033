namespace WorkflowHub.Campaign.Spreadsheets.Import;

/// <summary>One raw row of a sheet or CSV file: its 1-based number in the file and its cell values (string, double, DateTime, bool or null).</summary>
internal sealed record SourceRow(int RowNumber, IReadOnlyList<object?> Cells)
{
    public bool IsEmpty => Cells.All(c => c is null || (c is string s && string.IsNullOrWhiteSpace(s)));

    public object? this[int column] => column < Cells.Count ? Cells[column] : null;
}
