using System.Security.Claims;
using Mediator;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Audit;

/// <summary>
/// Appends one audit entry for every command (a Mediator <see cref="IBaseCommand"/>; queries pass untouched) once it
/// has finished: who sent it, the request with secrets redacted, and whether it succeeded. It runs before the
/// authorization and validation behaviours, so refused and invalid attempts are recorded too. On SQLite the entry of a
/// command that runs an engine command is offered to that engine command and commits with its writes (one transaction,
/// all or nothing); a command that then still fails gets a second entry, for its failure.
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(AuditTrail trail, ICurrentUser user, ILogger<AuditBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly bool IsCommand = typeof(IBaseCommand).IsAssignableFrom(typeof(TMessage));

    // A sign-in's entry names the user it signed in, known only from its response: it cannot be written beforehand.
    private static readonly bool MayAnswerWithPrincipal = typeof(TResponse).IsAssignableFrom(typeof(ClaimsPrincipal));

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (!IsCommand)
        {
            return await next(message, cancellationToken);
        }

        var payload = AuditPayload.For(message);
        TResponse response;
        using (AuditedCommand.Begin())
        using (var offer = MayAnswerWithPrincipal ? null : trail.OfferSuccess(user, typeof(TMessage).Name, payload))
        {
            try
            {
                response = await next(message, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await AppendFailureAsync(payload, exception);
                throw;
            }

            // The entry committed with the command's engine writes, in their transaction.
            if (offer?.Withdraw() == true)
            {
                return response;
            }
        }

        // A sign-in is recorded as the user it signed in. Not the request's token: a client that hangs up after the
        // command committed must not leave it unrecorded.
        var actor = response is ClaimsPrincipal principal ? new ClaimsCurrentUser(principal) : user;
        await trail.AppendAsync(actor, typeof(TMessage).Name, payload, AuditOutcome.Succeeded, error: null, CancellationToken.None);
        return response;
    }

    private async Task AppendFailureAsync(string payload, Exception failure)
    {
        try
        {
            await trail.AppendAsync(user, typeof(TMessage).Name, payload, AuditOutcome.Failed, failure.GetType().Name, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The command's own failure is what the caller must see.
            logger.LogError(exception, "Could not record the failed {Request} in the audit chain", typeof(TMessage).Name);
        }
    }
}
