using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>A problem in a diagram, tied to the BPMN element it is about (null: the whole document).</summary>
public sealed record DiagramIssue(string? ElementId, string Message)
{
    public static DiagramIssue From(ValidationIssue issue) => new(issue.ElementId, issue.Message);
}

/// <summary>A process key with its latest version.</summary>
public sealed record DefinitionSummary(string Key, string? Name, int LatestVersion, string LatestId, DateTimeOffset DeployedAt, string? DeployedBy);

/// <summary>One deployed version of a process.</summary>
public sealed record DefinitionVersionView(int Version, string Id, string? Name, DateTimeOffset DeployedAt, string? DeployedBy)
{
    public static DefinitionVersionView From(DefinitionRecord record) => new(record.Version, record.Id, record.Name, record.DeployedAt, record.DeployedBy);
}

/// <summary>A process key and all its versions, newest first.</summary>
public sealed record DefinitionDetails(string Key, string? Name, int LatestVersion, IReadOnlyList<DefinitionVersionView> Versions);
