using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Infrastructure.Startup;

/// <summary>
/// Starts every registered <see cref="IStartupPreparation"/> on the thread pool, each in its own system scope. The host
/// calls it right after building the application, so that on a machine with two cores the preparations run while the
/// pipeline is configured and the first start-up steps run; ready still waits for the steps, which need the work done.
/// </summary>
public static class StartupPreparations
{
    public static IReadOnlyList<Task> Start(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var scopeFactory = services.GetRequiredService<IServiceScopeFactory>();
        return services.GetServices<IStartupPreparation>()
            .Select(preparation => Task.Run(async () =>
            {
                try
                {
                    await using var scope = scopeFactory.CreateSystemScope();
                    preparation.Prepare(scope.ServiceProvider);
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // Only a head start: the step that needs this work does it again and reports the failure properly.
                    Trace.TraceWarning("Start-up preparation {0} failed: {1}", preparation.GetType().Name, exception.Message);
                }
            }))
            .ToList();
    }
}
