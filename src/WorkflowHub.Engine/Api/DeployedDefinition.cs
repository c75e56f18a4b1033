namespace WorkflowHub.Engine;

/// <summary>One process of a deployment: a new version, or the existing latest one when the XML was unchanged.</summary>
public sealed record DeployedDefinition(string Id, string Key, int Version, string? Name, bool IsNewVersion);
