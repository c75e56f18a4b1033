namespace WorkflowHub.Engine.Runtime.State;

/// <summary>A job or subscription row owned by an execution, with the element it triggers.</summary>
internal readonly record struct OwnedItem(Guid Id, string ElementId);
