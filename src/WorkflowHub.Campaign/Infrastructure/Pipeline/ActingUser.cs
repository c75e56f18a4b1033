namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>
/// Scoped switch that lets a start-up step or a job act as <see cref="SystemUser"/> (or a given user)
/// instead of the principal of the request. Set it before anything in the scope resolves <see cref="ICurrentUser"/>.
/// </summary>
public sealed class ActingUser
{
    public ICurrentUser? Override { get; private set; }

    public void ActAs(ICurrentUser user) => Override = user;
}
