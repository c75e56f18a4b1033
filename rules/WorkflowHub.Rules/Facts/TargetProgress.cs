namespace WorkflowHub.Rules.Facts;

/// <summary>Pure functions for target progress: the expectation runs linearly from campaign start to deadline.</summary>
public static class TargetProgress
{
    public static decimal ExpectedFraction(TargetFact target, DateTimeOffset now)
    {
        if (now <= target.StartsAt)
        {
            return 0m;
        }

        if (now >= target.Deadline || target.Deadline <= target.StartsAt)
        {
            return 1m;
        }

        var elapsed = (decimal)(now - target.StartsAt).Ticks;
        var span = (decimal)(target.Deadline - target.StartsAt).Ticks;
        return elapsed / span;
    }

    public static decimal ExpectedValue(TargetFact target, DateTimeOffset now) =>
        target.BaselineValue + ((target.TargetValue - target.BaselineValue) * ExpectedFraction(target, now));

    public static decimal AchievedFraction(TargetFact target)
    {
        var distance = target.TargetValue - target.BaselineValue;
        if (distance == 0m)
        {
            return 1m;
        }

        return (target.ReportedValue - target.BaselineValue) / distance;
    }
}
