using WorkflowHub.Engine.Model;

namespace WorkflowHub.Engine;

/// <summary>A deploy was refused: the diagram is malformed, hostile, not executable or uses what the engine cannot run. Nothing was stored.</summary>
public sealed class BpmnValidationException : Exception
{
    public BpmnValidationException()
        : this([])
    {
    }

    public BpmnValidationException(string message)
        : this([new ValidationIssue(null, message)])
    {
    }

    public BpmnValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new ValidationIssue(null, message)];
    }

    public BpmnValidationException(IReadOnlyList<ValidationIssue> errors)
        : base(errors.Count == 0 ? "The diagram is invalid." : "The diagram is invalid: " + string.Join("; ", errors.Take(10)))
    {
        Errors = errors;
    }

    public IReadOnlyList<ValidationIssue> Errors { get; }
}
