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

    /// <summary>Registers work to start in the background as soon as the application is built (see <see cref="StartupPreparations"/>).</summary>
    public static IServiceCollection AddStartupPreparation<TPreparation>(this IServiceCollection services)
        where TPreparation : class, IStartupPreparation
    {
        services.AddSingleton<IStartupPreparation, TPreparation>();
        return services;
    }
}
