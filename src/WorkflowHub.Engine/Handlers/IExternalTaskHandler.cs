namespace WorkflowHub.Engine;

/// <summary>Runs the external tasks (service/send tasks with camunda:type="external") of one topic, in process.</summary>
public interface IExternalTaskHandler
{
    string Topic { get; }

    /// <summary>
    /// Called at least once per task, outside any engine transaction. Return <see cref="ExternalTaskResult.Success"/>
    /// (with variables), <see cref="ExternalTaskResult.BpmnError"/> (caught by an error boundary event) or
    /// <see cref="ExternalTaskResult.Failure"/>; a thrown exception counts as a failure and is retried per
    /// camunda:failedJobRetryTimeCycle, then becomes an incident.
    /// </summary>
    Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken);
}
