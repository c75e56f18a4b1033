using Mediator;
using Microsoft.Extensions.Logging;

namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>Records who (user and org unit) did what (the request), the outcome and how long it took.</summary>
public sealed class LoggingBehavior<TMessage, TResponse>(
    ICurrentUser user,
    TimeProvider timeProvider,
    ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var who = user.UserName ?? "anonymous";
        var orgUnit = user.OrgUnitCode ?? "-";
        var request = typeof(TMessage).Name;
        try
        {
            var response = await next(message, cancellationToken);

            // Checked first: the call would box the figures and allocate its argument array even when the level is off.
            if (logger.IsEnabled(LogLevel.Information))
            {
                logger.LogInformation(
                    "{User} ({OrgUnit}) {Request} succeeded in {ElapsedMs:0.0} ms",
                    who, orgUnit, request, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            }

            return response;
        }
        catch (Exception exception)
        {
            logger.LogWarning(
                "{User} ({OrgUnit}) {Request} failed with {Outcome} in {ElapsedMs:0.0} ms",
                who, orgUnit, request, exception.GetType().Name, timeProvider.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}
