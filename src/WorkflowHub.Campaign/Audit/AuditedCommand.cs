namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// Marks the async flow of a command that <see cref="AuditBehavior{TMessage,TResponse}"/> records, so engine events
/// it causes are not recorded a second time by <see cref="AuditEngineListener"/>.
/// </summary>
public static class AuditedCommand
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    public static IDisposable Begin()
    {
        var previous = Active.Value;
        Active.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Active.Value = previous;
    }
}
