namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>A clock the test moves by hand, starting at the real time so sign-in tokens stay valid.</summary>
public sealed class WorkflowClock : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            now += by;
        }
    }
}
