namespace WorkflowHub.Engine.Persistence;

/// <summary>Where one active user task stands: its process, its instance and its element.</summary>
public readonly record struct ActiveTaskPosition(string DefinitionKey, Guid InstanceId, string ElementId);
