namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>Only users in one of these roles may send the request (the system user always may).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RequireRolesAttribute(params string[] roles) : Attribute
{
    public IReadOnlyList<string> Roles { get; } = roles;
}
