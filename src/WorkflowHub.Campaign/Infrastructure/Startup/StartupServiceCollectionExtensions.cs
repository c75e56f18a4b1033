using Microsoft.Extensions.DependencyInjection;

namespace WorkflowHub.Campaign.Infrastructure.Startup;

public static class StartupServiceCollectionExtensions
{
    /// <summary>Registers a step to run at start-up at <paramref name="order"/> (see <see cref="StartupStepOrder"/>).</summary>
    public static IServiceCollection AddStartupStep<TStep>(this IServiceCollection services, int order)
        where TStep : class, IStartupStep
    {
        services.AddScoped<TStep>();
        services.AddSingleton(new StartupStepRegistration(typeof(TStep), order));
        return services;
    }
}
