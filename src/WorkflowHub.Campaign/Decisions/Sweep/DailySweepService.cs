using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Decisions.Evaluation;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Decisions.Sweep;

/// <summary>
/// Runs the decision sweep once a day at <see cref="DecisionsOptions.SweepAt"/> (local time with its offset), on the
/// application's <see cref="TimeProvider"/>. A failed sweep is logged and the next day's runs as usual.
/// </summary>
public sealed class DailySweepService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    IOptions<DecisionsOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DailySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.SweepEnabled)
        {
            logger.LogInformation("The daily decision sweep is disabled ({Section}:SweepEnabled=false)", DecisionsOptions.SectionName);
            return;
        }

        // Start-up steps (migrations, the policy seed) run before the application reports it started.
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = settings.NextSweepAfter(now);
            logger.LogInformation("Next decision sweep at {Next}", next);
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateSystemScope();
            var decisions = scope.ServiceProvider.GetRequiredService<DecisionService>();
            await decisions.SweepAsync("scheduled daily sweep", stoppingToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "The daily decision sweep failed; it runs again tomorrow or on demand (POST /api/decisions/sweep)");
        }
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
