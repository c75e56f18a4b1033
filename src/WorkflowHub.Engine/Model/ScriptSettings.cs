namespace WorkflowHub.Engine.Model;

public sealed record ScriptSettings(string Format, string Body, string? ResultVariable);
