using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Audit;

public static class AuditModule
{
    /// <summary>
    /// The audit chain: the appender, the verifier and the engine listener. The host adds
    /// <see cref="AuditBehavior{TMessage,TResponse}"/> to the Mediator pipeline (before authorization).
    /// </summary>
    public static IServiceCollection AddAuditModule(this IServiceCollection services)
    {
        services.AddScoped<AuditTrail>();
        services.AddScoped<AuditChainVerifier>();
        services.AddSingleton<IEngineEventListener, AuditEngineListener>();
        return services;
    }
}
