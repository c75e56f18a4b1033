using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Engine;

/// <summary>
/// Notified after a command has committed, in order. Implement only what you need. An exception thrown here does not
/// undo the command; it is passed to <see cref="WorkflowEngineOptions.ListenerError"/>.
/// </summary>
public interface IEngineEventListener
{
    Task OnTaskCreatedAsync(UserTaskRecord task, CancellationToken cancellationToken) => Task.CompletedTask;

    Task OnTaskCompletedAsync(UserTaskRecord task, CancellationToken cancellationToken) => Task.CompletedTask;

    Task OnInstanceEndedAsync(InstanceRecord instance, CancellationToken cancellationToken) => Task.CompletedTask;

    Task OnIncidentCreatedAsync(IncidentRecord incident, CancellationToken cancellationToken) => Task.CompletedTask;
}
