namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;

/// <summary>One column of a hand-written statement: its name and how a record's value is stored (as the EF model stores it).</summary>
internal sealed record RowColumn<T>(string Name, Func<T, object?> Value);
