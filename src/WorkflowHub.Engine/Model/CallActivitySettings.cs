namespace WorkflowHub.Engine.Model;

public enum CalledElementBinding
{
    Latest,
    Version,
    Deployment,
}

public sealed record CallActivitySettings(
    string CalledElement,
    CalledElementBinding Binding,
    int? Version,
    IReadOnlyList<VariableMapping> Inputs,
    IReadOnlyList<VariableMapping> Outputs);
