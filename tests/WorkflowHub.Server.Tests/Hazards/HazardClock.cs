namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>A clock the hazard tests move by hand; timers fire when the test moves it and runs the due jobs.</summary>
public sealed class HazardClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock gate = new();
    private DateTimeOffset now = start;

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
