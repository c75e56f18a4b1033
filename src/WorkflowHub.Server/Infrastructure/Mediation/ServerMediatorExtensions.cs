using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Server.Infrastructure.Mediation;

public static class ServerMediatorExtensions
{
    /// <summary>
    /// The source-generated mediator over every handler in the referenced assemblies. Scoped, because handlers use
    /// the scoped DbContext. Behaviours run outermost first: log who did what, authorize, then validate.
    /// </summary>
    public static IServiceCollection AddServerMediator(this IServiceCollection services) =>
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(LoggingBehavior<,>),
                typeof(AuthorizationBehavior<,>),
                typeof(ValidationBehavior<,>),
            ];
        });
}
