using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Features.Tasks;

/// <summary>Takes a task offered to the caller, so it leaves the other candidates' inboxes. Claiming one's own task again is harmless.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ClaimTask(Guid Id) : ICommand<TaskDetails>;

public sealed class ClaimTaskHandler(IWorkflowEngine engine, ICurrentUser user, TimeProvider time) : ICommandHandler<ClaimTask, TaskDetails>
{
    public async ValueTask<TaskDetails> Handle(ClaimTask command, CancellationToken cancellationToken)
    {
        var task = await TaskGuard.LoadForWorkAsync(engine, user, command.Id, cancellationToken);
        var name = TaskCandidates.EngineUserId(user);
        if (task.Assignee is not null && task.Assignee != name)
        {
            // Only an administrator gets here (others may not work on a colleague's task): reassigning is not claiming.
            throw new Infrastructure.Pipeline.ConcurrencyException($"The task is already claimed by {task.Assignee}.");
        }

        if (task.Assignee != name)
        {
            await engine.ClaimTaskAsync(task.Id, name, cancellationToken);
        }

        var claimed = await engine.Queries.FindTaskAsync(task.Id, cancellationToken) ?? task;
        var instance = await engine.GetInstanceAsync(claimed.InstanceId, cancellationToken);
        return TaskDetails.From(claimed, instance?.Variables ?? new Dictionary<string, object?>(), true, time.GetUtcNow());
    }
}

/// <summary>The checks before claiming or completing a task, in the order a caller can act on: exists, theirs, still open.</summary>
internal static class TaskGuard
{
    public static async Task<UserTaskRecord> LoadForWorkAsync(IWorkflowEngine engine, ICurrentUser user, Guid taskId, CancellationToken cancellationToken)
    {
        var task = await engine.Queries.FindTaskAsync(taskId, cancellationToken)
            ?? throw Infrastructure.Pipeline.NotFoundException.For("Task", taskId.ToString());
        if (!TaskCandidates.MayWorkOn(task, user))
        {
            throw new ForbiddenException(task.Assignee is not null && TaskCandidates.IsCandidate(task, user)
                ? $"The task is claimed by {task.Assignee}."
                : "The task is not offered to you or your groups.");
        }

        if (task.State != UserTaskState.Active)
        {
            throw new TaskAlreadyCompletedException($"The task is already {task.State.ToString().ToLowerInvariant()}.");
        }

        return task;
    }
}
