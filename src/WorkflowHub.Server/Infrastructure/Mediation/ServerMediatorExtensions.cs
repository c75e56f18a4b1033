using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Server.Infrastructure.Mediation;

public static class ServerMediatorExtensions
{
    /// <summary>
    /// The source-generated mediator over every handler in the referenced assemblies. Scoped, because handlers use
    /// the scoped DbContext. Behaviours run outermost first: log who did what, record commands in the audit chain
    /// (refused and invalid ones too), authorize, then validate.
    /// </summary>
    public static IServiceCollection AddServerMediator(this IServiceCollection services) =>
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(AuditBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(ValidationBehavior<,>),
            ];
        });
}
