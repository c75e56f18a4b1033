namespace WorkflowHub.Campaign.Features.Targets;

/// <summary>How a target stands against what it should have reached by now.</summary>
public enum TargetStatus
{
    /// <summary>The latest reported value is at least the value expected by now (or the target is met).</summary>
    OnTrack,

    /// <summary>Below the expected value, the deadline not yet passed.</summary>
    Behind,

    /// <summary>The deadline has passed and the target value was not reached.</summary>
    Missed,
}
