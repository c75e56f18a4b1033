using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Server.Tests.Workflows;

public sealed class TaskCandidatesTests
{
    private sealed record User(string UserName, string OrgUnitCode, params string[] RoleNames) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public bool IsSystem => false;
        public string? UserId => UserName;
        string? ICurrentUser.UserName => UserName;
        string? ICurrentUser.OrgUnitCode => OrgUnitCode;
        public IReadOnlySet<string> Roles => RoleNames.ToHashSet();
    }

    private static readonly User FireOfficer = new("fire-officer", "city-fire-rescue", "DepartmentOfficer");
    private static readonly User EmergencyHead = new("emergency-head", "city-emergency", "DepartmentHead");

    private static UserTaskRecord Task(string? assignee = null, string[]? users = null, params string[] groups) =>
        new() { Id = Guid.NewGuid(), Assignee = assignee, CandidateUsers = users ?? [], CandidateGroups = groups };

    [Fact]
    public void A_user_belongs_to_their_unit_their_unit_roles_and_their_roles()
    {
        Assert.Equal(
            ["city-fire-rescue", "city-fire-rescue:DepartmentOfficer", "role:DepartmentOfficer"],
            TaskCandidates.GroupsOf(FireOfficer));
    }

    [Theory]
    [InlineData("city-fire-rescue", true, false)]
    [InlineData("city-fire-rescue:DepartmentOfficer", true, false)]
    [InlineData("city-fire-rescue:DepartmentHead", false, false)]
    [InlineData("role:DepartmentHead", false, true)]
    [InlineData("city-emergency", false, true)]
    public void Each_group_form_names_the_right_people(string group, bool fireOfficer, bool emergencyHead)
    {
        var task = Task(groups: group);

        Assert.Equal(fireOfficer, TaskCandidates.MayWorkOn(task, FireOfficer));
        Assert.Equal(emergencyHead, TaskCandidates.MayWorkOn(task, EmergencyHead));
    }

    [Fact]
    public void Candidate_users_and_assignees_are_named_by_login_and_a_claimed_task_is_only_the_assignees()
    {
        Assert.True(TaskCandidates.MayWorkOn(Task(users: ["fire-officer"]), FireOfficer));
        Assert.True(TaskCandidates.MayWorkOn(Task(assignee: "fire-officer"), FireOfficer));
        Assert.False(TaskCandidates.MayWorkOn(Task("emergency-head", null, "city-fire-rescue"), FireOfficer));
        Assert.True(TaskCandidates.MaySee(Task("emergency-head", null, "city-fire-rescue"), FireOfficer));
    }

    [Fact]
    public void Admins_work_on_any_task_and_auditors_on_none()
    {
        var task = Task(groups: "role:Auditor");

        Assert.True(TaskCandidates.MayWorkOn(task, new User("admin", "city-safety-office", "Admin")));
        Assert.False(TaskCandidates.MayWorkOn(task, new User("auditor", "city-safety-office", "Auditor")));
        Assert.True(TaskCandidates.MaySee(Task(groups: "city-emergency"), new User("auditor", "city-safety-office", "Auditor")));
    }

    [Theory]
    [InlineData("city-fire-rescue", "市消防救援支队")]
    [InlineData("city-fire-rescue:DepartmentHead", "市消防救援支队 · 部门负责人")]
    [InlineData("role:CommitteeOffice", "安委办")]
    [InlineData("no-such-unit", "no-such-unit")]
    public void A_group_is_described_by_its_units_and_roles_names(string group, string described)
    {
        var units = new Dictionary<string, string> { ["city-fire-rescue"] = "市消防救援支队" };
        var roles = new Dictionary<string, string> { ["DepartmentHead"] = "部门负责人", ["CommitteeOffice"] = "安委办" };

        Assert.Equal(described, TaskCandidates.Describe(group, unit => units.GetValueOrDefault(unit, unit), role => roles[role]));
    }
}
