using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WorkflowHub.Engine.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.DependencyInjection;
using WorkflowHub.Engine.EntityFrameworkCore.Providers;
using WorkflowHub.Engine.EntityFrameworkCore.Store;

// In the DI namespace so the call is found next to AddDbContext and friends.
namespace Microsoft.Extensions.DependencyInjection;

public static class EngineStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the engine's durable store on SQLite: a pooled <see cref="EngineDbContext"/> factory and a singleton
    /// <see cref="EfEngineStore"/> as <see cref="IEngineStore"/> and <see cref="IEngineQueryStore"/> (replacing any store
    /// registered before, such as the in-memory one). Call <see cref="EngineDatabase.MigrateEngineDatabaseAsync"/> at start-up.
    /// </summary>
    /// <param name="connectionString">A SQLite connection string ("Data Source=app.db") or a bare file path; may be the application's own database file.</param>
    public static IServiceCollection AddWorkflowEngineEntityFrameworkCore(this IServiceCollection services, string connectionString, Action<EngineStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var options = new EngineStoreOptions();
        configure?.Invoke(options);

        var provider = new SqliteEngineDatabaseProvider(connectionString);
        services.AddSingleton(options);
        services.AddSingleton<IEngineDatabaseProvider>(provider);
        services.AddPooledDbContextFactory<EngineDbContext>(builder => provider.Configure(builder), options.ContextPoolSize);
        services.AddSingleton<EfEngineStore>();
        services.RemoveAll<IEngineStore>();
        services.RemoveAll<IEngineQueryStore>();
        services.AddSingleton<IEngineStore>(sp => sp.GetRequiredService<EfEngineStore>());
        services.AddSingleton<IEngineQueryStore>(sp => sp.GetRequiredService<EfEngineStore>());
        return services;
    }
}
