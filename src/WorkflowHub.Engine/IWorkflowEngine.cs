using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Engine;

/// <summary>
/// The BPMN engine. Every command loads what it needs, advances every token until it waits and saves everything in one
/// transaction; a concurrent change makes it throw <see cref="ConcurrencyException"/> with nothing applied.
/// </summary>
public interface IWorkflowEngine
{
    /// <summary>Read-only queries (definitions, instances, tasks, history, incidents, jobs, subscriptions).</summary>
    IEngineQueryStore Queries { get; }

    /// <summary>Parses and validates without storing: errors (would refuse the deploy) and warnings.</summary>
    (IReadOnlyList<ValidationIssue> Errors, IReadOnlyList<ValidationIssue> Warnings) Validate(string xml);

    /// <exception cref="BpmnValidationException">Malformed, hostile, not executable or unsupported content; nothing stored.</exception>
    Task<DeploymentResult> DeployAsync(string xml, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>The XML exactly as deployed, or null.</summary>
    Task<string?> GetDefinitionXmlAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>The parsed process of a deployed version (parsed once per process lifetime), or null.</summary>
    Task<ProcessModel?> GetProcessModelAsync(string definitionId, CancellationToken cancellationToken = default);

    /// <summary>Starts the latest version of <paramref name="key"/> at its none start event.</summary>
    /// <exception cref="DefinitionNotFoundException">No definition has that key.</exception>
    Task<InstanceView> StartInstanceAsync(string key, string? businessKey = null, IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>Completes an active task and moves its instance on.</summary>
    /// <returns>The task's instance as the command left it (callers need not read it again).</returns>
    /// <exception cref="TaskNotFoundException"/>
    /// <exception cref="TaskAlreadyCompletedException"/>
    Task<InstanceView> CompleteTaskAsync(Guid taskId, IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>Sets the assignee (null releases the task). Claiming a task assigned to someone else throws <see cref="InvalidCommandException"/>.</summary>
    Task ClaimTaskAsync(Guid taskId, string? userId, CancellationToken cancellationToken = default);

    /// <summary>Sets the assignee unconditionally (delegation by a supervisor).</summary>
    Task AssignTaskAsync(Guid taskId, string? assignee, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Delivers a message to every instance waiting for it (one subscription per instance) whose business key and
    /// correlation variables match; if none waits, starts the definitions with that message start event.
    /// Returns the instances reached (empty when nothing waited).
    /// </summary>
    Task<IReadOnlyList<Guid>> CorrelateMessageAsync(string messageName, string? businessKey = null, IReadOnlyDictionary<string, object?>? correlationKeys = null, IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>Sets instance variables.</summary>
    Task SetVariablesAsync(Guid instanceId, IReadOnlyDictionary<string, object?> variables, string? userId = null, CancellationToken cancellationToken = default);

    Task CancelInstanceAsync(Guid instanceId, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>Resolves an open incident and retries what failed (a job gets its retries back; an element runs again).</summary>
    Task RetryIncidentAsync(Guid incidentId, string? userId = null, CancellationToken cancellationToken = default);

    /// <summary>Acquires up to <paramref name="max"/> due jobs and runs each as its own command. Returns how many were acquired.</summary>
    Task<int> ExecuteDueJobsAsync(string lockOwner, int max = 20, CancellationToken cancellationToken = default);

    /// <summary>The instance with its variables, active and completed elements and open incidents, or null.</summary>
    Task<InstanceView?> GetInstanceAsync(Guid instanceId, CancellationToken cancellationToken = default);
}
