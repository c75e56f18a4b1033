using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Engine.EntityFrameworkCore;

namespace WorkflowHub.Engine.EntityFrameworkCore.DependencyInjection;

/// <summary>Start-up helper for the server.</summary>
public static class EngineDatabase
{
    /// <summary>
    /// Creates or upgrades the engine's tables (history in <c>__EngineMigrationsHistory</c>, so the application's own
    /// migrations on the same file are untouched) and switches the file to WAL. Safe to call on every start.
    /// </summary>
    public static Task MigrateEngineDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetRequiredService<EfEngineStore>().MigrateAsync(cancellationToken);
    }
}
