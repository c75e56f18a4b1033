using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Decisions.Evaluation;
using WorkflowHub.Engine;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>
/// The engine's businessRuleTask (decisionRef "escalation") as the hazard loop calls it: the server registers the
/// evaluator for the engine, it finds the hazard by the instance's business key, stores the decisions with the
/// workflow element as trigger and returns their kinds as the result variable.
/// </summary>
public sealed class EscalationRuleEvaluatorTests(DecisionsServer server) : IClassFixture<DecisionsServer>
{
    private static BusinessRuleContext Context(string decisionRef, string? businessKey, string elementId) => new(
        decisionRef, Guid.NewGuid(), businessKey, "hazard-rectification", elementId, "emergency-officer", new Dictionary<string, object?>());

    [Fact]
    public async Task The_rejection_path_evaluates_the_hazard_of_the_business_key_and_returns_the_decision_kinds()
    {
        var evaluator = server.Services.GetRequiredService<IBusinessRuleEvaluator>();
        Assert.IsType<EscalationRuleEvaluator>(evaluator);
        var hazard = await server.SeedOverdueHazardAsync("YH2020990201", "city-emergency", overdueDays: 4);

        var result = Assert.IsType<Dictionary<string, object?>>(await evaluator.EvaluateAsync(Context("escalation", hazard.Number, "Rule_AfterRejection"), CancellationToken.None));

        Assert.Equal(1, result["count"]);
        Assert.Equal(new object?[] { "Reminder" }, Assert.IsType<List<object?>>(result["kinds"]));
        var stored = await server.WithDbAsync(db => db.Set<DecisionRecord>().AsNoTracking().SingleAsync(d => d.SubjectId == hazard.Id.ToString()));
        Assert.Equal(TriggerKind.HazardChanged, stored.TriggerKind);
        Assert.Contains("hazard-rectification/Rule_AfterRejection", stored.TriggerDetail, StringComparison.Ordinal);
        Assert.Equal(stored.Id.ToString("D"), Assert.IsType<List<object?>>(result["decisionIds"])[0]);

        // Asked again at once (another reminder firing), the ladder does not repeat its rung.
        var again = Assert.IsType<Dictionary<string, object?>>(await evaluator.EvaluateAsync(Context("escalation", hazard.Number, "Rule_GradeReminder"), CancellationToken.None));
        Assert.Equal(0, again["count"]);
    }

    [Fact]
    public async Task A_reminder_timer_counts_as_a_task_change()
    {
        var evaluator = server.Services.GetRequiredService<IBusinessRuleEvaluator>();
        var hazard = await server.SeedOverdueHazardAsync("YH2020990202", "city-emergency", overdueDays: 2);

        await evaluator.EvaluateAsync(Context("escalation", hazard.Number, "Rule_PlanReminder"), CancellationToken.None);

        var stored = await server.WithDbAsync(db => db.Set<DecisionRecord>().AsNoTracking().SingleAsync(d => d.SubjectId == hazard.Id.ToString()));
        Assert.Equal(TriggerKind.TaskChanged, stored.TriggerKind);
    }

    [Fact]
    public async Task An_unknown_rule_set_is_refused_so_the_engine_raises_an_incident()
    {
        var evaluator = server.Services.GetRequiredService<IBusinessRuleEvaluator>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => evaluator.EvaluateAsync(Context("pricing", "YH2020990203", "Rule_X"), CancellationToken.None));

        Assert.Contains("pricing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_business_key_naming_no_hazard_decides_nothing()
    {
        var evaluator = server.Services.GetRequiredService<IBusinessRuleEvaluator>();
        var before = await server.WithDbAsync(db => db.Set<DecisionRecord>().CountAsync());

        var result = Assert.IsType<Dictionary<string, object?>>(await evaluator.EvaluateAsync(Context("escalation", "YH2020000000", "Rule_AfterRejection"), CancellationToken.None));

        Assert.Equal(0, result["count"]);
        Assert.Equal(before, await server.WithDbAsync(db => db.Set<DecisionRecord>().CountAsync()));
    }
}
