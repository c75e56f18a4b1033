using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Engine;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>
/// An overdue general hazard climbs the ladder one rung per sweep: reminder, supervision notice, then interview and
/// circular (the interview starting its workflow), each stored with its snapshot, reasons and versions, explained
/// and replayed through the API. One test, because the rungs follow from each other on one moving clock.
/// </summary>
public sealed class DecisionLadderTests(DecisionsServer server) : IClassFixture<DecisionsServer>
{
    private const string FireUnit = "city-fire-rescue";

    [Fact]
    public async Task An_overdue_hazard_climbs_one_rung_per_sweep_and_every_rung_is_explained_and_replays()
    {
        var hazard = await server.SeedOverdueHazardAsync("YH2020990001", FireUnit, overdueDays: 2);
        var subjectId = hazard.Id.ToString("D");

        // Rung 1: two days overdue, reminder threshold one day.
        var first = await DecisionApi.SweepAsync(server);
        Assert.True(first.GetProperty("decisions").GetInt32() >= 1);
        Assert.True(first.GetProperty("hazards").GetInt32() >= 1);
        var auditor = await server.ClientForAsync("auditor");
        var rungs = await DecisionApi.AboutAsync(auditor, subjectId);
        var reminder = Assert.Single(rungs);
        Assert.Equal("Reminder", DecisionApi.Kind(reminder));
        Assert.Equal("GeneralHazard.Reminder", reminder.GetProperty("ruleName").GetString());
        Assert.Equal(FireUnit, reminder.GetProperty("addresseeUnitCode").GetString());
        Assert.Equal("YH2020990001", reminder.GetProperty("subjectLabel").GetString());
        Assert.Equal("DailySweep", reminder.GetProperty("triggerKind").GetString());
        Assert.Equal(1, reminder.GetProperty("policyVersionNumber").GetInt32());
        Assert.Contains("YH2020990001", reminder.GetProperty("reasonZh").GetString(), StringComparison.Ordinal);
        Assert.Contains("YH2020990001", reminder.GetProperty("reasonEn").GetString(), StringComparison.Ordinal);
        Assert.Equal(DecisionsServer.Start, reminder.GetProperty("decidedAt").GetDateTimeOffset());

        var stored = await server.WithDbAsync(db => db.Set<DecisionRecord>().AsNoTracking().SingleAsync(d => d.SubjectId == subjectId));
        var snapshot = stored.ReadSnapshot();
        Assert.Equal(stored.RuleSetVersion, snapshot.RuleSetVersion);
        Assert.Equal(1, snapshot.PolicyVersion.Number);
        Assert.Equal(stored.PolicyHash, snapshot.PolicyVersion.ContentHash);
        Assert.Contains(snapshot.Inputs.Hazards, h => h.Id == subjectId && h.Number == "YH2020990001");
        Assert.Contains(snapshot.Matched, m => m.FactType.EndsWith("HazardFact", StringComparison.Ordinal));

        // The same day again: the rule stands down, nothing is added.
        var again = await DecisionApi.SweepAsync(server);
        Assert.Equal(0, again.GetProperty("decisions").GetInt32());
        Assert.Single(await DecisionApi.AboutAsync(auditor, subjectId));

        // Rung 2: eight days overdue reaches the supervision threshold (7).
        server.Clock.Advance(TimeSpan.FromDays(6));
        await DecisionApi.SweepAsync(server);
        auditor = await server.ClientForAsync("auditor");
        rungs = await DecisionApi.AboutAsync(auditor, subjectId);
        Assert.Equal(new[] { "Reminder", "SupervisionNotice" }, rungs.Select(DecisionApi.Kind));

        var detail = await auditor.GetFromJsonAsync<JsonElement>($"/api/decisions/{DecisionApi.Id(rungs[1])}");
        Assert.Equal("GeneralHazard.SupervisionNotice", detail.GetProperty("rule").GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(detail.GetProperty("rule").GetProperty("descriptionZh").GetString()));
        var threshold = detail.GetProperty("thresholds").EnumerateArray()
            .Single(t => t.GetProperty("key").GetString() == "generalHazard.supervisionAfterDaysOverdue");
        Assert.Equal(7m, threshold.GetProperty("value").GetDecimal());
        Assert.Contains(
            detail.GetProperty("matchedFacts").EnumerateArray(),
            f => f.GetProperty("value").TryGetProperty("number", out var number) && number.GetString() == "YH2020990001");
        var earlier = Assert.Single(detail.GetProperty("earlierRungs").EnumerateArray());
        Assert.Equal(DecisionApi.Id(rungs[0]), DecisionApi.Id(earlier));
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("startedWorkflow").ValueKind);

        // Replaying both rungs under their stored policy version decides the same.
        foreach (var rung in rungs)
        {
            var replay = await auditor.PostAsync($"/api/decisions/{DecisionApi.Id(rung)}/replay", null);
            Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
            var result = await replay.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(result.GetProperty("same").GetBoolean(), string.Join("; ", result.GetProperty("differences").EnumerateArray()));
            Assert.Empty(result.GetProperty("differences").EnumerateArray());
            Assert.True(result.GetProperty("ruleSetVersionMatches").GetBoolean());
        }

        // Rung 3: sixteen days overdue reaches the interview threshold (15): interview and circular.
        server.Clock.Advance(TimeSpan.FromDays(8));
        var third = await DecisionApi.SweepAsync(server);
        auditor = await server.ClientForAsync("auditor");
        rungs = await DecisionApi.AboutAsync(auditor, subjectId);
        Assert.Equal(new[] { "Circular", "Interview", "Reminder", "SupervisionNotice" }, rungs.Select(DecisionApi.Kind).Order(StringComparer.Ordinal));

        var interview = await server.WithDbAsync(db => db.Set<DecisionRecord>().AsNoTracking()
            .SingleAsync(d => d.SubjectId == subjectId && d.Kind == DecisionKind.Interview));
        var engine = server.Services.GetRequiredService<IWorkflowEngine>();
        Assert.NotNull(await engine.Queries.FindLatestDefinitionAsync("interview"));
        Assert.NotNull(interview.StartedInstanceId);
        Assert.Equal("interview", interview.StartedWorkflowKey);
        Assert.True(third.GetProperty("workflowsStarted").GetInt32() >= 1);
        var instance = await engine.GetInstanceAsync(interview.StartedInstanceId!.Value);
        Assert.NotNull(instance);
        Assert.Equal(interview.Id.ToString("D"), instance.BusinessKey);
        Assert.Equal(FireUnit, instance.Variables["interviewedGroup"]);
        Assert.Equal("R/P1D", instance.Variables["reminderCycle"]);

        var interviewDetail = await auditor.GetFromJsonAsync<JsonElement>($"/api/decisions/{interview.Id}");
        var started = interviewDetail.GetProperty("startedWorkflow");
        Assert.Equal(interview.StartedInstanceId.Value, started.GetProperty("instanceId").GetGuid());
        Assert.Equal("Active", started.GetProperty("state").GetString());

        // Cancelling the interview ends it; the engine listener records how it ended at once, so the sweep has nothing left to record.
        await engine.CancelInstanceAsync(interview.StartedInstanceId.Value, "admin");
        var ended = await server.WithDbAsync(db => db.Set<DecisionRecord>().AsNoTracking().SingleAsync(d => d.Id == interview.Id));
        Assert.Equal("Cancelled", ended.Outcome);
        Assert.Equal(server.Clock.GetUtcNow(), ended.OutcomeAt);
        var fourth = await DecisionApi.SweepAsync(server);
        Assert.Equal(0, fourth.GetProperty("outcomesRecorded").GetInt32());
        Assert.Equal(0, fourth.GetProperty("decisions").GetInt32());
    }
}
