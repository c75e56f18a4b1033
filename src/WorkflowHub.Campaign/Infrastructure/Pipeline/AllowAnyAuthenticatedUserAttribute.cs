namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>Any signed-in user may send the request (its handler still scopes data to the user's org unit).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnyAuthenticatedUserAttribute : Attribute;
