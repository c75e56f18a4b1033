using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Campaign.Workflows.CampaignProcess;
using WorkflowHub.Campaign.Workflows.Forms;
using WorkflowHub.Campaign.Workflows.Handlers;
using WorkflowHub.Campaign.Workflows.Jobs;
using WorkflowHub.Campaign.Workflows.Startup;
using WorkflowHub.Engine;
using WorkflowHub.Engine.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.DependencyInjection;
using WorkflowHub.Engine.EntityFrameworkCore.PostgreSql;
using WorkflowHub.Engine.EntityFrameworkCore.Providers;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Workflows;

public static class WorkflowsModule
{
    /// <summary>
    /// The BPMN engine on the campaign's own database (<see cref="CampaignDatabase"/>: the SQLite file or PostgreSQL), its migrations and the
    /// deployment of <c>workflows/*.bpmn</c> at start-up, and the job executor as a background service.
    /// External task handlers (<see cref="IExternalTaskHandler"/>), engine listeners and the business rule evaluator are
    /// taken from the container: register them as singletons, since the engine is one.
    /// </summary>
    public static IServiceCollection AddWorkflowsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WorkflowsOptions>().Bind(configuration.GetSection(WorkflowsOptions.SectionName));
        services.AddOptions<JobExecutorSettings>().Bind(configuration.GetSection(JobExecutorSettings.SectionName));
        services.AddOptions<CampaignProcessOptions>()
            .Bind(configuration.GetSection(CampaignProcessOptions.SectionName))
            .Validate(o => double.IsFinite(o.TimeScale) && o.TimeScale >= 1, $"{CampaignProcessOptions.SectionName}:TimeScale must be a number of at least 1 (1 = the plan's own dates).")
            .ValidateOnStart();

        AddEngineStore(services);
        services.AddSingleton<IWorkflowEngine>(provider => new WorkflowEngine(
            provider.GetRequiredService<IEngineStore>(),
            provider.GetRequiredService<TimeProvider>(),
            EngineOptions(provider),
            provider.GetServices<IExternalTaskHandler>(),
            provider.GetService<IBusinessRuleEvaluator>(),
            provider.GetServices<IEngineEventListener>()));

        services.AddSingleton<FormStore>();
        services.AddSingleton<IExternalTaskHandler, NotifyHandler>();
        services.AddSingleton<IExternalTaskHandler, TargetProgressHandler>();
        services.AddScoped<Features.Instances.InstanceAccess>();

        services.AddStartupPreparation<ScriptRuntimePreparation>();
        services.AddStartupPreparation<EngineModelPreparation>();
        services.AddStartupStep<MigrateEngineDatabaseStep>(WorkflowStartupOrder.EngineDatabase);
        services.AddStartupStep<DeployWorkflowsStep>(WorkflowStartupOrder.DeployWorkflows);
        services.AddStartupStep<StartCampaignStep>(WorkflowStartupOrder.StartCampaign);
        services.AddHostedService<JobExecutorService>();
        return services;
    }

    /// <summary>
    /// What <c>AddWorkflowEngineEntityFrameworkCore</c> registers, except that the connection string is read when the
    /// container first needs it: the database path is only final once the content root is known.
    /// </summary>
    private static void AddEngineStore(IServiceCollection services)
    {
        var storeOptions = new EngineStoreOptions();
        services.TryAddSingleton(storeOptions);
        services.AddSingleton<IEngineDatabaseProvider>(provider =>
        {
            var database = provider.GetRequiredService<CampaignDatabase>();
            return database.Provider == DatabaseProvider.PostgreSql
                ? new PostgreSqlEngineDatabaseProvider(database.ConnectionString)
                : new SqliteEngineDatabaseProvider(database.ConnectionString);
        });
        services.AddPooledDbContextFactory<EngineDbContext>(
            (provider, builder) => provider.GetRequiredService<IEngineDatabaseProvider>().Configure(builder),
            storeOptions.ContextPoolSize);
        services.AddSingleton<EfEngineStore>();
        services.RemoveAll<IEngineStore>();
        services.RemoveAll<IEngineQueryStore>();
        services.AddSingleton<IEngineStore>(provider => provider.GetRequiredService<EfEngineStore>());
        services.AddSingleton<IEngineQueryStore>(provider => provider.GetRequiredService<EfEngineStore>());
    }

    private static WorkflowEngineOptions EngineOptions(IServiceProvider provider)
    {
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger<WorkflowEngine>();
        return new WorkflowEngineOptions
        {
            JobLockDuration = provider.GetRequiredService<IOptions<JobExecutorSettings>>().Value.LockDuration,
            ListenerError = exception => logger.LogError(exception, "An engine event listener failed after its command committed"),
        };
    }
}
