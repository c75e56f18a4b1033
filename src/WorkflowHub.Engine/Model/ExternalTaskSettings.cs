namespace WorkflowHub.Engine.Model;

/// <summary>The topic a service/send task is executed under by a registered <c>IExternalTaskHandler</c>.</summary>
public sealed record ExternalTaskSettings(string Topic);
