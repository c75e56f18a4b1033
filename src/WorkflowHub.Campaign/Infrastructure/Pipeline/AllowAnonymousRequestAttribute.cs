namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>Anyone may send the request without signing in (health, token issue).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AllowAnonymousRequestAttribute : Attribute;
