namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// The part of a <see cref="HistoryRow"/> that the rows of one command share: the definition, the acting user, the
/// command's clock reading and the base its ids count from, plus the task for the few rows about a user task. One
/// reference per row instead of the values keeps a row at 48 bytes, and a store holds fifteen rows for every instance it
/// ever started.
/// </summary>
internal sealed record HistoryStamp(string DefinitionId, string? UserId, DateTimeOffset Timestamp, CommandIdBase Ids, Guid? TaskId = null);
