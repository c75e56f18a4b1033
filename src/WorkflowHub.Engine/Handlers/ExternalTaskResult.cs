namespace WorkflowHub.Engine;

/// <summary>The outcome of an external task handler.</summary>
public sealed record ExternalTaskResult
{
    private ExternalTaskResult(ExternalTaskOutcome outcome, IReadOnlyDictionary<string, object?>? variables, string? errorCode, string? message)
    {
        Outcome = outcome;
        Variables = variables;
        ErrorCode = errorCode;
        Message = message;
    }

    public ExternalTaskOutcome Outcome { get; }

    public IReadOnlyDictionary<string, object?>? Variables { get; }

    public string? ErrorCode { get; }

    public string? Message { get; }

    /// <summary>The task is done; the variables are set on the instance and the token moves on.</summary>
    public static ExternalTaskResult Success(IReadOnlyDictionary<string, object?>? variables = null) => new(ExternalTaskOutcome.Success, variables, null, null);

    /// <summary>A business error: thrown as a BPMN error with <paramref name="errorCode"/> to the nearest matching error boundary or event sub-process.</summary>
    public static ExternalTaskResult BpmnError(string errorCode, string? message = null, IReadOnlyDictionary<string, object?>? variables = null) => new(ExternalTaskOutcome.BpmnError, variables, errorCode, message);

    /// <summary>A technical failure: retried, then an incident.</summary>
    public static ExternalTaskResult Failure(string message) => new(ExternalTaskOutcome.Failure, null, null, message);
}
