namespace WorkflowHub.Engine.Model;

/// <summary>
/// camunda:in / camunda:out of a call activity. <see cref="AllVariables"/> for variables="all";
/// <see cref="BusinessKey"/> for the in-mapping businessKey="..." (its expression is in <see cref="SourceExpression"/>).
/// </summary>
public sealed record VariableMapping(string? Source, string? SourceExpression, string? Target, bool AllVariables, bool BusinessKey, bool Local);
