namespace WorkflowHub.Rules.Decisions;

public enum TriggerKind
{
    HazardChanged,
    TaskChanged,
    TargetChanged,
    DailySweep,
    Replay,
}
