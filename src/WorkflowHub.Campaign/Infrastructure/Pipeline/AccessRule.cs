using System.Reflection;

namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>The access rule a request type declares with one of the access attributes.</summary>
public sealed class AccessRule
{
    private AccessRule(bool allowsAnonymous, IReadOnlyList<string>? roles)
    {
        AllowsAnonymous = allowsAnonymous;
        Roles = roles;
    }

    public bool AllowsAnonymous { get; }

    /// <summary>The roles allowed; null means any authenticated user.</summary>
    public IReadOnlyList<string>? Roles { get; }

    /// <summary>The rule declared on <paramref name="requestType"/>, or null when it declares none (which the pipeline refuses).</summary>
    public static AccessRule? For(Type requestType)
    {
        var declared = new List<AccessRule>();
        if (requestType.GetCustomAttribute<AllowAnonymousRequestAttribute>() is not null)
        {
            declared.Add(new AccessRule(allowsAnonymous: true, roles: null));
        }

        if (requestType.GetCustomAttribute<AllowAnyAuthenticatedUserAttribute>() is not null)
        {
            declared.Add(new AccessRule(allowsAnonymous: false, roles: null));
        }

        if (requestType.GetCustomAttribute<RequireRolesAttribute>() is { } require)
        {
            declared.Add(new AccessRule(allowsAnonymous: false, roles: require.Roles));
        }

        return declared.Count == 1 ? declared[0] : null;
    }

    public bool RequiresAuthentication => !AllowsAnonymous;

    public bool Allows(ICurrentUser user)
    {
        if (AllowsAnonymous || user.IsSystem)
        {
            return true;
        }

        if (!user.IsAuthenticated)
        {
            return false;
        }

        return Roles is null || Roles.Any(user.IsInRole);
    }
}
