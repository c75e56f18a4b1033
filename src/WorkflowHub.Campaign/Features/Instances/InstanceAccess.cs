using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Instances;

/// <summary>
/// Who may read an instance: the committee office, auditors and administrators read all; anyone else reads the instances
/// in which they have or had a task (assigned to them, offered to them or one of their groups, or completed by them).
/// </summary>
public sealed class InstanceAccess(IWorkflowEngine engine, ICurrentUser user)
{
    /// <summary>How many of a user's own tasks are scanned to find their instances; an inbox is far smaller.</summary>
    public const int MaxOwnTasks = 5_000;

    public bool SeesAll => TaskCandidates.SeesAllWork(user);

    public async Task<bool> MaySeeAsync(Guid instanceId, CancellationToken cancellationToken)
    {
        if (SeesAll)
        {
            return true;
        }

        var tasks = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instanceId, State = null, Take = 1_000 }, cancellationToken);
        return tasks.Items.Any(task => TaskCandidates.MaySee(task, user));
    }

    /// <summary>The ids of the instances in which the user has or had a task.</summary>
    public async Task<IReadOnlySet<Guid>> OwnInstanceIdsAsync(CancellationToken cancellationToken)
    {
        var ids = new HashSet<Guid>();
        var name = TaskCandidates.EngineUserId(user);
        if (name is null)
        {
            return ids;
        }

        var assigned = await engine.Queries.QueryTasksAsync(new TaskQuery { Assignee = name, State = null, Take = MaxOwnTasks }, cancellationToken);
        var offered = await engine.Queries.QueryTasksAsync(
            new TaskQuery { CandidateUser = name, CandidateGroups = TaskCandidates.GroupsOf(user), State = null, Take = MaxOwnTasks },
            cancellationToken);
        foreach (var task in assigned.Items.Concat(offered.Items))
        {
            ids.Add(task.InstanceId);
        }

        return ids;
    }
}
