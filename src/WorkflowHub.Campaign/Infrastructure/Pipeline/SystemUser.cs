namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>The identity of start-up steps and background jobs. It passes every access rule.</summary>
public sealed class SystemUser : ICurrentUser
{
    public static SystemUser Instance { get; } = new();

    private SystemUser()
    {
    }

    public bool IsAuthenticated => true;
    public bool IsSystem => true;
    public string? UserId => null;
    public string? UserName => "system";
    public string? OrgUnitCode => null;
    public IReadOnlySet<string> Roles { get; } = new HashSet<string>(StringComparer.Ordinal);
}
