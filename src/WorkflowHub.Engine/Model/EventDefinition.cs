namespace WorkflowHub.Engine.Model;

/// <summary>
/// What an event waits for or throws. <see cref="MessageName"/> is resolved through messageRef to the bpmn:message name;
/// <see cref="ErrorCode"/> through errorRef to the bpmn:error errorCode (null on a catch: catch every error).
/// </summary>
public sealed record EventDefinition(EventKind Kind, string? MessageName = null, string? ErrorCode = null, TimerDefinition? Timer = null, string? UnsupportedName = null);
