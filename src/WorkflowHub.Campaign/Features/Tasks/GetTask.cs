using Mediator;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Features.Tasks;

/// <summary>A task with its form key, candidates and the variables of its instance. Readable by those it is or was offered to and by those who see all work.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetTask(Guid Id) : IQuery<TaskDetails>;

public sealed class GetTaskHandler(IWorkflowEngine engine, ICurrentUser user, TimeProvider time) : IQueryHandler<GetTask, TaskDetails>
{
    public async ValueTask<TaskDetails> Handle(GetTask query, CancellationToken cancellationToken)
    {
        var task = await engine.Queries.FindTaskAsync(query.Id, cancellationToken);
        if (task is null || !TaskCandidates.MaySee(task, user))
        {
            throw Infrastructure.Pipeline.NotFoundException.For("Task", query.Id.ToString());
        }

        var instance = await engine.GetInstanceAsync(task.InstanceId, cancellationToken);
        var variables = instance?.Variables ?? new Dictionary<string, object?>();
        return TaskDetails.From(task, variables, TaskCandidates.MayWorkOn(task, user), time.GetUtcNow());
    }
}
