namespace WorkflowHub.Engine.Tests.Support;

public sealed class DelegateTaskHandler(string topic, Func<ExternalTaskContext, ExternalTaskResult> handle) : IExternalTaskHandler
{
    public string Topic { get; } = topic;

    public List<ExternalTaskContext> Calls { get; } = [];

    public Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        Calls.Add(context);
        return Task.FromResult(handle(context));
    }
}
