using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Workflows;

/// <summary>
/// How <c>camunda:candidateGroups</c> strings name people. A group is one of
/// <list type="bullet">
/// <item><c>orgUnitCode</c>: every member of that org unit;</item>
/// <item><c>orgUnitCode:Role</c>: members of that org unit who have that role;</item>
/// <item><c>role:Role</c>: everyone with that role, in any unit.</item>
/// </list>
/// A user therefore belongs to their unit's code, to <c>unit:Role</c> and to <c>role:Role</c> for each of their roles.
/// Users are named to the engine (assignee, candidate users, history) by their login name.
/// </summary>
public static class TaskCandidates
{
    public const string RolePrefix = "role:";

    /// <summary>The name the engine knows the user by (assignee, candidateUsers, "done by" in history).</summary>
    public static string? EngineUserId(ICurrentUser user) => user.IsSystem ? "system" : user.UserName;

    /// <summary>Every candidate group the user belongs to.</summary>
    public static IReadOnlyList<string> GroupsOf(ICurrentUser user)
    {
        var groups = new List<string>();
        var unit = user.OrgUnitCode;
        if (!string.IsNullOrEmpty(unit))
        {
            groups.Add(unit);
        }

        foreach (var role in user.Roles.Order(StringComparer.Ordinal))
        {
            if (!string.IsNullOrEmpty(unit))
            {
                groups.Add($"{unit}:{role}");
            }

            groups.Add(RolePrefix + role);
        }

        return groups;
    }

    /// <summary>Whether the task is the user's: assigned to them, or unassigned and offered to them or one of their groups.</summary>
    public static bool IsOfferedTo(UserTaskRecord task, ICurrentUser user)
    {
        var name = EngineUserId(user);
        if (name is null)
        {
            return false;
        }

        if (task.Assignee is not null)
        {
            return string.Equals(task.Assignee, name, StringComparison.Ordinal);
        }

        return IsCandidate(task, user);
    }

    /// <summary>Named as a candidate user, or a member of a candidate group (whoever holds the task now).</summary>
    public static bool IsCandidate(UserTaskRecord task, ICurrentUser user)
    {
        var name = EngineUserId(user);
        if (name is not null && task.CandidateUsers.Contains(name, StringComparer.Ordinal))
        {
            return true;
        }

        var groups = GroupsOf(user);
        return task.CandidateGroups.Any(group => groups.Contains(group, StringComparer.Ordinal));
    }

    /// <summary>
    /// Claiming or completing: the task must be the user's; administrators and the system may act on any task;
    /// auditors read everything and change nothing.
    /// </summary>
    public static bool MayWorkOn(UserTaskRecord task, ICurrentUser user) =>
        user.IsSystem
        || user.IsInRole(Roles.Admin)
        || (!user.IsInRole(Roles.Auditor) && IsOfferedTo(task, user));

    /// <summary>Reading a task: those who see all units, and anyone it is or was offered to.</summary>
    public static bool MaySee(UserTaskRecord task, ICurrentUser user) =>
        OrgUnitScope.SeesAllUnits(user)
        || IsOfferedTo(task, user)
        || IsCandidate(task, user)
        || string.Equals(task.CompletedBy, EngineUserId(user), StringComparison.Ordinal);

    /// <summary>A group as people say it, from the unit's and the role's names: "市消防救援支队 · 部门负责人" for <c>city-fire-rescue:DepartmentHead</c>.</summary>
    public static string Describe(string group, Func<string, string> unitName, Func<string, string> roleName)
    {
        if (group.StartsWith(RolePrefix, StringComparison.Ordinal))
        {
            return roleName(group[RolePrefix.Length..]);
        }

        var separator = group.IndexOf(':', StringComparison.Ordinal);
        return separator < 0 ? unitName(group) : $"{unitName(group[..separator])} · {roleName(group[(separator + 1)..])}";
    }

    /// <summary>The roles that may list every task (<c>?all=true</c>) and read any instance.</summary>
    public static bool SeesAllWork(ICurrentUser user) => OrgUnitScope.SeesAllUnits(user);
}
