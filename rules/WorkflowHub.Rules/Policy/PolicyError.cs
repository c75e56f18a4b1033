namespace WorkflowHub.Rules.Policy;

/// <summary>One reason a policy document is refused, naming the field.</summary>
public sealed record PolicyError(string Field, string Message)
{
    public override string ToString() => Message;
}
