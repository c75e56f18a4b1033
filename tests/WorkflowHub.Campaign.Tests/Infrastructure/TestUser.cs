using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Tests.Infrastructure;

public sealed class TestUser(string? orgUnitCode, params string[] roles) : ICurrentUser
{
    public static TestUser Anonymous { get; } = new(null) { IsAuthenticated = false };

    public bool IsAuthenticated { get; private init; } = true;
    public bool IsSystem => false;
    public string? UserId => "test-user-id";
    public string? UserName => "test-user";
    public string? OrgUnitCode => orgUnitCode;
    public IReadOnlySet<string> Roles { get; } = roles.ToHashSet(StringComparer.Ordinal);
}
