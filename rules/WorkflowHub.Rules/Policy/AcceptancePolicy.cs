namespace WorkflowHub.Rules.Policy;

/// <summary>Rectification not up to standard (整改不到位).</summary>
public sealed class AcceptancePolicy
{
    public required int RejectionsForInterview { get; init; }
}
