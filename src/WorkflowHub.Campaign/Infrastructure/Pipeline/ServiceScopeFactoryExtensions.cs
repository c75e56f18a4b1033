using Microsoft.Extensions.DependencyInjection;

namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

public static class ServiceScopeFactoryExtensions
{
    /// <summary>Creates a scope whose <see cref="ICurrentUser"/> is <see cref="SystemUser"/>, for start-up steps and jobs.</summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory scopeFactory)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActingUser>().ActAs(SystemUser.Instance);
        return scope;
    }
}
