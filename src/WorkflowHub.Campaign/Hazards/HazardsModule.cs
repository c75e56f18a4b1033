using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using WorkflowHub.Campaign.Hazards.Demo;
using WorkflowHub.Campaign.Hazards.Evidence;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Campaign.Spreadsheets.Export;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Hazards;

public static class HazardsModule
{
    /// <summary>
    /// Hazard registration, the <c>hazard-state</c> external task handler, the listener that keeps hazards in step with
    /// their loops, evidence storage and the demo hazard generator.
    /// </summary>
    public static IServiceCollection AddHazardsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HazardDeadlinesOptions>().Bind(configuration.GetSection(HazardDeadlinesOptions.SectionName));
        services.AddOptions<EvidenceOptions>()
            .Bind(configuration.GetSection(EvidenceOptions.SectionName))
            .PostConfigure<IHostEnvironment>((evidence, environment) =>
                evidence.FullEvidencePath = Path.GetFullPath(evidence.EvidencePath, environment.ContentRootPath));
        services.AddOptions<DemoHazardsOptions>().Bind(configuration.GetSection(DemoHazardsOptions.SectionName));

        services.AddSingleton<HazardDeadlines>();
        services.AddSingleton<Changes.HazardChangePublisher>();
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<HazardRegistrar>();
        services.TryAddSingleton<TwoListsWorkbookWriter>();
        services.AddSingleton<IExternalTaskHandler, HazardStateHandler>();
        services.AddSingleton<IEngineEventListener, HazardWorkflowListener>();
        services.AddStartupStep<GenerateDemoHazardsStep>(DemoHazardsStartupOrder.DemoHazards);
        services.AddStartupStep<HazardLoopResyncStep>(HazardLoopResyncStep.Order);
        return services;
    }
}
