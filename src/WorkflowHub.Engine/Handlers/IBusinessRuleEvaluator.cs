namespace WorkflowHub.Engine;

/// <summary>Evaluates the rule set a businessRuleTask names in camunda:decisionRef. Supplied by the application.</summary>
public interface IBusinessRuleEvaluator
{
    /// <summary>
    /// Returns the decision result (any JSON-shaped value), stored in camunda:resultVariable when the task has one and
    /// recorded in history. An exception becomes an incident on the task.
    /// </summary>
    Task<object?> EvaluateAsync(BusinessRuleContext context, CancellationToken cancellationToken);
}
