using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Hazards.Changes;

/// <summary>
/// Passes a hazard change, once it is committed, to every <see cref="IHazardChangeHandler"/> (the escalation rules
/// among them), each in its own system scope. A failing handler is logged and does not undo the change: the daily
/// sweep evaluates everything open again.
/// </summary>
public sealed partial class HazardChangePublisher(IServiceScopeFactory scopes, ILogger<HazardChangePublisher> logger)
{
    public async Task PublishAsync(HazardChange change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateSystemScope();
        foreach (var handler in scope.ServiceProvider.GetServices<IHazardChangeHandler>())
        {
            try
            {
                await handler.OnHazardChangedAsync(change, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogHandlerFailed(logger, exception, handler.GetType().Name, change.Kind, change.HazardNumber);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed on {Kind} of hazard {Number}; the daily sweep evaluates it again")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string handler, HazardChangeKind kind, string number);
}
