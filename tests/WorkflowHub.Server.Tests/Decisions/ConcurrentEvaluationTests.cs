using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Decisions.Evaluation;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>Evaluations running at the same time (the sweep and change events) never record one rung twice.</summary>
public sealed class ConcurrentEvaluationTests(DecisionsServer server) : IClassFixture<DecisionsServer>
{
    [Fact]
    public async Task A_sweep_and_change_events_at_once_record_each_rung_once()
    {
        var hazards = new List<Hazard>();
        for (var i = 0; i < 6; i++)
        {
            hazards.Add(await server.SeedOverdueHazardAsync($"CC-{Guid.NewGuid():N}"[..20], "city-emergency", 40, HazardGrade.Major));
        }

        // Every evaluation reads its facts before any of them writes: without the guard each would record the rungs.
        var evaluations = new List<Task>
        {
            InScopeAsync(d => d.SweepAsync("concurrency test")),
            InScopeAsync(d => d.SweepAsync("concurrency test, second node")),
        };
        evaluations.AddRange(hazards.SelectMany(h => new[]
        {
            InScopeAsync(d => d.EvaluateHazardAsync(h.Id, null, "change event A")),
            InScopeAsync(d => d.EvaluateHazardAsync(h.Id, null, "change event B")),
        }));
        await Task.WhenAll(evaluations);

        var ids = hazards.Select(h => h.Id.ToString("D")).ToList();
        var records = await server.WithDbAsync(db => db.Set<DecisionRecord>().AsNoTracking().Where(d => ids.Contains(d.SubjectId)).ToListAsync());
        foreach (var id in ids)
        {
            var about = records.Where(r => r.SubjectId == id).ToList();
            Assert.Single(about, r => r.Kind == DecisionKind.ListedSupervision);
            Assert.Equal(about.Count, about.Select(r => (r.RuleName, r.Occurrence)).Distinct().Count());
            Assert.All(about.GroupBy(r => r.RuleName), g => Assert.Single(g));
        }
    }

    [Fact]
    public async Task The_database_refuses_a_second_record_of_the_same_rung()
    {
        var hazard = await server.SeedOverdueHazardAsync($"CU-{Guid.NewGuid():N}"[..20], "city-emergency", 40, HazardGrade.Major);
        var first = Assert.Single(await InScopeAsync(d => d.EvaluateHazardAsync(hazard.Id, null, "first")), r => r.Kind == DecisionKind.ListedSupervision);

        var copy = DecisionRecord.From(Proposal(first, first.ReadSnapshot()), first.SubjectLabel, "copy", first.Occurrence);
        await Assert.ThrowsAsync<DbUpdateException>(() => server.WithDbAsync(async db =>
        {
            db.Add(copy);
            return await db.SaveChangesAsync();
        }));

        // The next occurrence of the rung (a rule that may fire again in a later window) is accepted.
        var next = DecisionRecord.From(Proposal(first, first.ReadSnapshot()), first.SubjectLabel, "next window", first.Occurrence + 1);
        Assert.Equal(1, await server.WithDbAsync(async db =>
        {
            db.Add(next);
            return await db.SaveChangesAsync();
        }));
    }

    private static DecisionProposal Proposal(DecisionRecord record, DecisionSnapshot snapshot) => new()
    {
        Kind = record.Kind,
        SubjectType = record.SubjectType,
        SubjectId = record.SubjectId,
        AddresseeUnitCode = record.AddresseeUnitCode,
        RuleName = record.RuleName,
        RuleSetVersion = record.RuleSetVersion,
        PolicyVersion = snapshot.PolicyVersion,
        Reason = new DecisionReason(record.ReasonZh, record.ReasonEn),
        Trigger = EvaluationTrigger.HazardChanged(record.SubjectId),
        DecidedAt = record.DecidedAt,
        Snapshot = snapshot,
    };

    private async Task<T> InScopeAsync<T>(Func<DecisionService, Task<T>> action)
    {
        await Task.Yield();
        await using var scope = server.Services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        return await action(scope.ServiceProvider.GetRequiredService<DecisionService>());
    }
}
