using System.Security.Claims;
using WorkflowHub.Campaign.Accounts;

namespace WorkflowHub.Server.Infrastructure.Web;

/// <summary>One entry of the main menu: where it goes, its text's resource key and the roles that may use it (none = everyone).</summary>
public sealed record AppMenuItem(string Path, string TextKey, IReadOnlyList<string> Roles);

/// <summary>
/// The main menu. Each page's <c>[Authorize(Roles = ...)]</c> names the same roles as its entry here, so the menu never
/// offers a page the user would be refused; the Mediator request behind the page checks them again.
/// </summary>
public static class AppMenu
{
    public static IReadOnlyList<AppMenuItem> Items { get; } =
    [
        new("/", "Nav.Dashboard", []),
        new("/tasks", "Nav.Tasks", []),
        new("/hazards", "Nav.Hazards", []),
        new("/designer", "Nav.Designer", [Roles.Admin]),
        new("/decisions", "Nav.Audit", AuditRoles.All),
        new("/rules", "Nav.Rules", AuditRoles.All),
    ];

    public static IReadOnlyList<AppMenuItem> For(ClaimsPrincipal user) =>
        Items.Where(item => item.Roles.Count == 0 || item.Roles.Any(user.IsInRole)).ToList();

    /// <summary>Whether <paramref name="item"/> is the section of <paramref name="requestPath"/> (the dashboard only for "/").</summary>
    public static bool IsCurrent(AppMenuItem item, PathString requestPath) =>
        item.Path == "/"
            ? requestPath == "/" || requestPath == "/index"
            : requestPath.StartsWithSegments(item.Path, StringComparison.OrdinalIgnoreCase);
}
