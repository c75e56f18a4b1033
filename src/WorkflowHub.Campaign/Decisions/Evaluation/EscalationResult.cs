namespace WorkflowHub.Campaign.Decisions.Evaluation;

/// <summary>
/// What the escalation rule set returns to a businessRuleTask (stored in its camunda:resultVariable): how many
/// decisions were taken, their kinds and their ids, so a diagram can branch on them and history shows them.
/// </summary>
public static class EscalationResult
{
    public static Dictionary<string, object?> From(IReadOnlyList<DecisionRecord> records, string subject) => new(StringComparer.Ordinal)
    {
        ["subject"] = subject,
        ["count"] = records.Count,
        ["kinds"] = records.Select(r => (object?)r.Kind.ToString()).ToList(),
        ["decisionIds"] = records.Select(r => (object?)r.Id.ToString("D")).ToList(),
    };
}
