using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Campaign.Backups;

public static class BackupsModule
{
    /// <summary>Before the database step, so no migration runs under a restore.</summary>
    public const int LockOrder = StartupStepOrder.Database - 10;

    /// <summary>The backup folder (<see cref="BackupOptions"/>), the store of the admin API and the server's in-use lock.</summary>
    public static IServiceCollection AddBackupsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackupOptions>()
            .Bind(configuration.GetSection(BackupOptions.SectionName))
            .PostConfigure<IHostEnvironment, IOptions<StorageOptions>>((backup, environment, storage) =>
                backup.FullFolder = string.IsNullOrWhiteSpace(backup.Folder)
                    ? Path.Combine(Path.GetDirectoryName(storage.Value.FullDatabasePath)!, "backups")
                    : Path.GetFullPath(backup.Folder, environment.ContentRootPath));
        services.AddSingleton<BackupStore>();
        services.AddSingleton<DatabaseLockHolder>();
        services.AddStartupStep<AcquireDatabaseLockStep>(LockOrder);
        return services;
    }
}
