using WorkflowHub.Engine.Model;

namespace WorkflowHub.Engine;

/// <summary>The outcome of a deploy: one definition per executable process of the file, and the warnings.</summary>
public sealed record DeploymentResult(IReadOnlyList<DeployedDefinition> Definitions, IReadOnlyList<ValidationIssue> Warnings)
{
    /// <summary>The first (usually only) deployed definition.</summary>
    public DeployedDefinition Definition => Definitions[0];

    public string Id => Definition.Id;

    public string Key => Definition.Key;

    public int Version => Definition.Version;

    public bool IsNewVersion => Definition.IsNewVersion;
}
