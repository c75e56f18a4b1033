namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// Implemented by transactions that store history rows as values: at commit the engine hands them each touched
/// instance's rows as one <see cref="InstanceHistory"/> (which the transaction then owns) instead of a
/// <see cref="HistoryEventRecord"/> per event. Same semantics as <see cref="IEngineTransaction.AppendHistory"/>:
/// buffered, applied at commit, discarded without it.
/// </summary>
internal interface IHistoryRowWriter
{
    void AppendHistory(InstanceHistory rows);
}
