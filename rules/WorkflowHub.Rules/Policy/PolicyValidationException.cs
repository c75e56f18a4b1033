namespace WorkflowHub.Rules.Policy;

/// <summary>Thrown when a policy document is refused; <see cref="Errors"/> names every bad field.</summary>
public sealed class PolicyValidationException : Exception
{
    public PolicyValidationException(IReadOnlyList<PolicyError> errors)
        : base("The rule policy is invalid: " + string.Join("; ", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public PolicyValidationException()
        : this([])
    {
    }

    public PolicyValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PolicyValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<PolicyError> Errors { get; }
}
