using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime;

namespace WorkflowHub.Engine;

public sealed partial class WorkflowEngine
{
    public async Task<InstanceView> CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken cancellationToken = default)
    {
        var values = NormalizeVariables(variables);
        InstanceContext? completed = null;
        await RunCommandAsync(userId, async (command, runner) =>
        {
            var task = await LoadActiveTaskAsync(command.Tx, taskId, cancellationToken);
            var instance = completed = await LoadActiveInstanceAsync(command, task.InstanceId);
            var execution = instance.Find(task.ExecutionId);
            if (execution is null || execution.TaskId != task.Id)
            {
                throw new TaskAlreadyCompletedException($"The task {taskId} is no longer waiting in its instance.");
            }

            var access = runner.Variables(instance, execution);
            foreach (var (name, value) in values)
            {
                access.Set(name, value);
            }

            task.State = UserTaskState.Completed;
            task.CompletedAt = command.Now;
            task.CompletedBy = userId;
            command.Tx.UpdateTask(task);
            command.History(instance, HistoryEventType.TaskCompleted, task.ElementId, "userTask", task.Id, values.Count == 0 ? null : Runtime.CommandContext.Json(values));
            if (command.HasListeners)
            {
                NotifyTaskCompleted(command, task.Clone());
            }
            execution.TaskId = null;
            var node = instance.Node(execution);
            command.Agenda.Enqueue(() => runner.Leave(instance, execution, node));
        }, cancellationToken);
        return await ViewAfterCommandAsync(completed!, cancellationToken);
    }

    private static void NotifyTaskCompleted(Runtime.CommandContext command, UserTaskRecord snapshot) =>
        command.Notify((l, ct) => l.OnTaskCompletedAsync(snapshot, ct));

    public Task ClaimTaskAsync(Guid taskId, string? userId, CancellationToken cancellationToken = default) =>
        RunCommandAsync(userId, async (command, _) =>
        {
            var task = await LoadActiveTaskAsync(command.Tx, taskId, cancellationToken);
            if (userId is not null && task.Assignee is not null && task.Assignee != userId)
            {
                throw new InvalidCommandException($"The task {taskId} is already claimed by '{task.Assignee}'.");
            }

            var instance = await LoadActiveInstanceAsync(command, task.InstanceId);
            task.Assignee = userId;
            task.ClaimedAt = userId is null ? null : command.Now;
            command.Tx.UpdateTask(task);
            command.History(instance, HistoryEventType.TaskClaimed, task.ElementId, "userTask", task.Id, Runtime.CommandContext.Json("assignee", userId));
        }, cancellationToken);

    public Task AssignTaskAsync(Guid taskId, string? assignee, string? userId = null, CancellationToken cancellationToken = default) =>
        RunCommandAsync(userId, async (command, _) =>
        {
            var task = await LoadActiveTaskAsync(command.Tx, taskId, cancellationToken);
            var instance = await LoadActiveInstanceAsync(command, task.InstanceId);
            task.Assignee = assignee;
            task.ClaimedAt = assignee is null ? null : command.Now;
            command.Tx.UpdateTask(task);
            command.History(instance, HistoryEventType.TaskClaimed, task.ElementId, "userTask", task.Id, Runtime.CommandContext.Json("assignee", assignee));
        }, cancellationToken);

    private static async Task<UserTaskRecord> LoadActiveTaskAsync(IEngineTransaction transaction, Guid taskId, CancellationToken cancellationToken)
    {
        var task = await transaction.FindTaskAsync(taskId, cancellationToken) ?? throw new TaskNotFoundException($"No user task has id {taskId}.");
        if (task.State != UserTaskState.Active)
        {
            throw new TaskAlreadyCompletedException($"The task {taskId} is already {task.State.ToString().ToLowerInvariant()}.");
        }

        return task;
    }
}
