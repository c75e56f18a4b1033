namespace WorkflowHub.Rules.Decisions;

/// <summary>What caused an evaluation: a change to one subject, or the daily sweep.</summary>
public sealed record EvaluationTrigger(TriggerKind Kind, string? SubjectId = null)
{
    public static EvaluationTrigger HazardChanged(string hazardId) => new(TriggerKind.HazardChanged, hazardId);

    public static EvaluationTrigger TaskChanged(string taskId) => new(TriggerKind.TaskChanged, taskId);

    public static EvaluationTrigger TargetChanged(string targetId) => new(TriggerKind.TargetChanged, targetId);

    public static EvaluationTrigger DailySweep() => new(TriggerKind.DailySweep);

    public static EvaluationTrigger Replay() => new(TriggerKind.Replay);

    public override string ToString() => SubjectId is null ? Kind.ToString() : $"{Kind}:{SubjectId}";
}
