namespace WorkflowHub.Engine.Model;

/// <summary>camunda:asyncBefore (or camunda:async), asyncAfter, exclusive, jobPriority, failedJobRetryTimeCycle.</summary>
public sealed record AsyncSettings(bool Before, bool After, bool Exclusive, int Priority, string RetryTimeCycle)
{
    public const string DefaultRetryTimeCycle = "R3/PT1M";

    public static readonly AsyncSettings None = new(false, false, true, 0, DefaultRetryTimeCycle);
}
