using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Engine.EntityFrameworkCore;

namespace WorkflowHub.Campaign.Workflows.Startup;

/// <summary>Creates or upgrades the engine's tables in the campaign's database file (their own migrations history table).</summary>
public sealed class MigrateEngineDatabaseStep(EfEngineStore store, ILogger<MigrateEngineDatabaseStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken);
        logger.LogInformation("Engine tables ready");
    }
}
