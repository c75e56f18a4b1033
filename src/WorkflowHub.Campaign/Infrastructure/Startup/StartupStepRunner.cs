using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Infrastructure.Startup;

/// <summary>
/// Runs the registered start-up steps before the web server starts listening (hosted services registered by the
/// application start before the server), so no request ever sees an unmigrated database.
/// </summary>
public sealed class StartupStepRunner(
    IEnumerable<StartupStepRegistration> registrations,
    IServiceScopeFactory scopeFactory,
    ILogger<StartupStepRunner> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in registrations.OrderBy(r => r.Order))
        {
            await using var scope = scopeFactory.CreateSystemScope();
            var step = (IStartupStep)scope.ServiceProvider.GetRequiredService(registration.StepType);
            var started = Stopwatch.GetTimestamp();
            try
            {
                await step.RunAsync(cancellationToken);
                logger.LogInformation("Start-up step {Step} took {Milliseconds:F0} ms", registration.StepType.Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (StartupAbortedException exception)
            {
                logger.LogCritical("Start-up stopped in {Step}: {Reason}", registration.StepType.Name, exception.Message);
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
