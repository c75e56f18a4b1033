namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>Who sends the current request: a signed-in user, an anonymous caller, or the system itself.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>True for start-up steps and background jobs, which act for the system rather than for a person.</summary>
    bool IsSystem { get; }

    string? UserId { get; }
    string? UserName { get; }
    string? OrgUnitCode { get; }
    IReadOnlySet<string> Roles { get; }

    bool IsInRole(string role) => Roles.Contains(role);
}
