using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Decisions.Evaluation;
using WorkflowHub.Campaign.Decisions.Policy;
using WorkflowHub.Campaign.Decisions.Sweep;
using WorkflowHub.Campaign.Decisions.Triggers;
using WorkflowHub.Campaign.Hazards.Changes;
using WorkflowHub.Campaign.Decisions.Workflows;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Engine;
using WorkflowHub.Rules.Evaluation;

namespace WorkflowHub.Campaign.Decisions;

public static class DecisionsModule
{
    /// <summary>Runs after the database is migrated and before the plan is imported, so rules have a policy from the first request.</summary>
    public const int SeedPolicyOrder = StartupStepOrder.Database + 50;

    /// <summary>
    /// The escalation rules in the product: one compiled rule set, the policy store (version 1 seeded at start-up),
    /// the decision service, the engine's "escalation" businessRuleTask evaluator, the outcome listener and the daily sweep.
    /// </summary>
    public static IServiceCollection AddDecisionsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DecisionsOptions>()
            .Bind(configuration.GetSection(DecisionsOptions.SectionName))
            .Validate(
                options =>
                {
                    try
                    {
                        options.ParseSweepAt();
                        return true;
                    }
                    catch (FormatException)
                    {
                        return false;
                    }
                },
                $"{DecisionsOptions.SectionName}:SweepAt must read \"HH:mm\" or \"HH:mm +hh:mm\".")
            .ValidateOnStart();

        // The NRules session factory is compiled once per process; sessions are opened per evaluation.
        services.AddSingleton<RuleSetEvaluator>();
        services.AddScoped<PolicyStore>();
        services.AddScoped<DecisionService>();
        services.AddStartupStep<SeedPolicyStep>(SeedPolicyOrder);

        // The engine is a singleton and takes these from the container when it is built.
        services.AddSingleton<IBusinessRuleEvaluator, EscalationRuleEvaluator>();
        services.AddSingleton<IEngineEventListener, DecisionOutcomeListener>();
        services.AddScoped<IHazardChangeHandler, HazardChangeEvaluation>();

        services.AddHostedService<DailySweepService>();
        return services;
    }
}
