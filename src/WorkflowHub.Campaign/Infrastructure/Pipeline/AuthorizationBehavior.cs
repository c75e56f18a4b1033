using Mediator;

namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>
/// Checks the access rule every request type must declare. A request without a rule is refused,
/// so a new endpoint cannot forget its authorization.
/// </summary>
public sealed class AuthorizationBehavior<TMessage, TResponse>(ICurrentUser user) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    // Reflection once per request type.
    private static readonly AccessRule? Rule = AccessRule.For(typeof(TMessage));

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (Rule is null)
        {
            throw new ForbiddenException(
                $"The request {typeof(TMessage).Name} declares no access rule (exactly one of RequireRoles, AllowAnyAuthenticatedUser, AllowAnonymousRequest), so nobody may send it.");
        }

        if (Rule.RequiresAuthentication && !user.IsAuthenticated)
        {
            throw new UnauthenticatedException();
        }

        if (!Rule.Allows(user))
        {
            throw new ForbiddenException($"Your roles do not allow {typeof(TMessage).Name}.");
        }

        if (message is IOrgUnitScopedRequest scoped && !OrgUnitScope.CanActFor(user, scoped.OrgUnitCode))
        {
            throw new ForbiddenException($"You may not act for the org unit {scoped.OrgUnitCode}.");
        }

        return next(message, cancellationToken);
    }
}
