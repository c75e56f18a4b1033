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
            var processorTime = Environment.CpuUsage.TotalTime;
            try
            {
                await step.RunAsync(cancellationToken);

                // The process's CPU time as well as the wall time: on a shared machine the first is the steadier figure
                // (it also counts work on other threads meanwhile, such as background compilation).
                logger.LogInformation(
                    "Start-up step {Step} took {Milliseconds:F0} ms ({CpuMilliseconds:F0} ms CPU)",
                    registration.StepType.Name,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    (Environment.CpuUsage.TotalTime - processorTime).TotalMilliseconds);
            }
            catch (StartupAbortedException exception)
            {
                logger.LogCritical("Start-up stopped in {Step}: {Reason}", registration.StepType.Name, exception.Message);
                throw;
            }
        }

        logger.LogInformation("Start-up steps done, {CpuMilliseconds:F0} ms CPU since the process started", Environment.CpuUsage.TotalTime.TotalMilliseconds);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
