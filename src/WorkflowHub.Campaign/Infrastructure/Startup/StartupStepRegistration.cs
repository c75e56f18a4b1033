namespace WorkflowHub.Campaign.Infrastructure.Startup;

/// <summary>One registered start-up step and its place in the order.</summary>
public sealed record StartupStepRegistration(Type StepType, int Order);
