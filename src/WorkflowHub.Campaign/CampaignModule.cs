using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Backups;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Features.Plan;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Campaign.Workflows;

namespace WorkflowHub.Campaign;

public static class CampaignModule
{
    /// <summary>
    /// Campaign storage, accounts, validators, the current user and the start-up steps (migrate, import the plan,
    /// seed accounts). The host adds Mediator (its source generator lives in the outermost project) with the
    /// pipeline behaviours of <see cref="Infrastructure.Pipeline"/>, and authentication schemes.
    /// </summary>
    public static IServiceCollection AddCampaignModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure<IHostEnvironment>((storage, environment) =>
                storage.FullDatabasePath = Path.GetFullPath(storage.DatabasePath, environment.ContentRootPath));
        services.AddOptions<PlanOptions>().Bind(configuration.GetSection(PlanOptions.SectionName));
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));

        services.AddOptions<DatabaseOptions>()
            .Bind(configuration.GetSection(DatabaseOptions.SectionName))
            .Configure(database => database.ConnectionString ??= configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            .Validate(
                database => database.Provider != DatabaseProvider.PostgreSql || !string.IsNullOrWhiteSpace(database.ConnectionString),
                $"Database:Provider is PostgreSql: set ConnectionStrings:{DatabaseOptions.ConnectionStringName} too.")
            .ValidateOnStart();
        services.AddSingleton<CampaignDatabase>();
        // The options are built once (singleton), not for every request scope: each build formats the connection string
        // anew, and EF Core then looks its internal services up again by the new options (docs/performance.md, "Through HTTP").
        services.AddDbContext<CampaignDbContext>(
            (provider, options) =>
            {
                var database = provider.GetRequiredService<CampaignDatabase>();
                CampaignDbContextOptions.Configure(options, database.Provider, database.ConnectionString);
            },
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CampaignDbContext>()
            .AddClaimsPrincipalFactory<AppUserClaimsPrincipalFactory>()
            .AddSignInManager();

        // Singletons: a validator is stateless once built (their only dependency is TimeProvider), and building one per
        // request scope cost every command the rule set's construction again.
        services.AddValidatorsFromAssembly(typeof(CampaignModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        services.TryAddScoped<IPrincipalAccessor, NoPrincipalAccessor>();
        services.AddScoped<ActingUser>();
        services.AddScoped<ICurrentUser>(provider =>
            provider.GetRequiredService<ActingUser>().Override
            ?? new ClaimsCurrentUser(provider.GetRequiredService<IPrincipalAccessor>().Principal));

        services.AddStartupPreparation<CampaignModelPreparation>();
        services.AddStartupStep<MigrateDatabaseStep>(StartupStepOrder.Database);
        services.AddStartupStep<ImportCampaignPlanStep>(StartupStepOrder.CampaignPlan);
        services.AddStartupStep<SeedAccountsStep>(StartupStepOrder.Accounts);
        services.AddDecisionsModule(configuration);
        services.AddHazardsModule(configuration);
        services.AddAuditModule();
        services.AddBackupsModule(configuration);
        services.AddHostedService<StartupStepRunner>();

        // After the start-up steps (hosted services start in order), so the statistics see the migrated, seeded file.
        services.AddHostedService<SqliteStatisticsRefresher>();
        services.AddWorkflowsModule(configuration);
        return services;
    }
}
