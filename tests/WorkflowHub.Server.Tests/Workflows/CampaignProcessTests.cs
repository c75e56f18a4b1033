using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Notifications;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Campaign.Workflows.CampaignProcess;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>
/// The <c>campaign</c> process as the server starts it, driven through its four phases by moving the clock to each
/// timer and doing every task it hands out the way the units would.
/// </summary>
public sealed class CampaignProcessTests : IAsyncLifetime
{
    private const string Worker = "campaign-tests";
    private static readonly string[] WorkedProcesses = [CampaignWorkflow.ProcessKey, "plan-filing", "target-progress"];

    private readonly CampaignServer server = new();
    private CampaignPlan plan = null!;
    private Dictionary<string, decimal> targetValues = null!;

    public async Task InitializeAsync()
    {
        await server.InitializeAsync();
        plan = CampaignPlanLoader.LoadFromFile(Path.Combine(AppContext.BaseDirectory, "workflows", "campaign-plan.json"));
        await using var scope = server.Factory.Services.CreateAsyncScope();
        targetValues = await scope.ServiceProvider.GetRequiredService<CampaignDbContext>().Targets.ToDictionaryAsync(t => t.Code, t => t.Value);
    }

    public Task DisposeAsync() => server.DisposeAsync();

    [Fact]
    public async Task The_campaign_runs_through_all_four_phases_and_hands_out_every_filing_report_and_summary()
    {
        var campaign = Assert.Single((await server.Engine.Queries.QueryInstancesAsync(new InstanceQuery { DefinitionKey = CampaignWorkflow.ProcessKey })).Items);
        Assert.Equal("three-year-safety-campaign", campaign.BusinessKey);

        // Phase 1 at once: the mobilisation meeting and a plan filing for every area and every district; nothing of phase 2 yet.
        var areaCodes = plan.Areas.Select(a => a.Code).ToHashSet();
        var districtCodes = plan.OrgUnits.Where(u => u.Kind == OrgUnitKind.District).Select(u => u.Code).ToHashSet();
        Assert.Equal(18, areaCodes.Count);
        var drafts = await TasksAsync("plan-filing", "Task_DraftPlan", activeOnly: true);
        Assert.Equal(areaCodes.Order().Concat(districtCodes.Order()).Order(), drafts.Select(t => t.BusinessKey!).Order());
        var fireDraft = drafts.Single(t => t.BusinessKey == "fire-safety");
        Assert.Equal(new[] { "city-fire-rescue" }, fireDraft.CandidateGroups);
        Assert.Equal(new DateTimeOffset(2020, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)), fireDraft.DueDate);
        Assert.Single(await TasksAsync(CampaignWorkflow.ProcessKey, CampaignWorkflow.Elements.MobilisationMeeting, activeOnly: true));
        await DrainAsync();
        Assert.Empty(await TasksAsync(CampaignWorkflow.ProcessKey, CampaignWorkflow.Elements.CompileTwoLists, activeOnly: false));

        // Then from timer to timer until the process ends; each move lands on the campaign's next due timer.
        for (var step = 0; step < 40 && await StateAsync(campaign.Id) == InstanceState.Active; step++)
        {
            var next = (await server.Engine.Queries.GetJobsByInstanceAsync(campaign.Id)).Where(j => j.Kind == JobKind.Timer).MinBy(j => j.DueAt);
            Assert.NotNull(next);
            server.MoveClockTo(next.DueAt);
            await DrainAsync();
        }

        Assert.Equal(InstanceState.Completed, await StateAsync(campaign.Id));
        var history = await server.Engine.Queries.GetHistoryAsync(campaign.Id);
        DateTimeOffset Fired(string timer) => history.Single(h => h.Type == HistoryEventType.ActivityCompleted && h.ElementId == timer).Timestamp;
        Assert.Equal(new DateTimeOffset(2020, 7, 1, 0, 0, 0, TimeSpan.FromHours(8)), Fired("Timer_Phase2Start"));
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), Fired("Timer_Phase3Start"));
        Assert.Equal(new DateTimeOffset(2022, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), Fired("Timer_Phase4Start"));
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), Fired("Timer_CampaignEnd"));
        foreach (var phase in new[] { "Sub_Phase1", "Sub_Phase2", "Sub_Phase3", "Sub_Phase4" })
        {
            Assert.Single(history, h => h.Type == HistoryEventType.ActivityCompleted && h.ElementId == phase);
        }

        // Phase 2: the two lists by every area's lead unit.
        var lists = await TasksAsync(CampaignWorkflow.ProcessKey, CampaignWorkflow.Elements.CompileTwoLists, activeOnly: false);
        Assert.Equal(18, lists.Count);

        // Quarterly reports: every target still running in each quarter of 2020-Q3 to 2022-Q4 reported once.
        var expectedReports = ExpectedQuarterlyReports();
        var reports = await TasksAsync("target-progress", "Task_ReportProgress", activeOnly: false);
        Assert.Equal(expectedReports.Count, reports.Count);
        Assert.Equal(10, expectedReports.Select(r => r.Due).Distinct().Count());
        Assert.Equal(
            expectedReports.GroupBy(r => r.Target).ToDictionary(g => g.Key, g => g.Count()).OrderBy(p => p.Key),
            reports.GroupBy(r => r.BusinessKey!).ToDictionary(g => g.Key, g => g.Count()).OrderBy(p => p.Key));
        await using (var scope = server.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
            Assert.Equal(expectedReports.Count, await db.TargetReports.CountAsync());
        }

        // Annual summaries for 2020, 2021 and 2022 by every lead department and every district.
        var summaryUnits = plan.Areas.SelectMany(a => a.LeadUnits).Distinct().Concat(districtCodes).ToHashSet();
        foreach (var year in new[] { 2020, 2021, 2022 })
        {
            var summaries = await TasksAsync(CampaignWorkflow.ProcessKey, CampaignWorkflow.Elements.AnnualSummary(year), activeOnly: false);
            Assert.Equal(summaryUnits.Order(), summaries.SelectMany(t => t.CandidateGroups).Order());
        }

        // The final report, after the campaign's term, and its notice to the committee office.
        var final = Assert.Single(await TasksAsync(CampaignWorkflow.ProcessKey, CampaignWorkflow.Elements.FinalReport, activeOnly: false));
        Assert.True(final.CreatedAt >= new DateTimeOffset(2023, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));
        await using (var scope = server.Factory.Services.CreateAsyncScope())
        {
            var notices = await scope.ServiceProvider.GetRequiredService<CampaignDbContext>().Set<Notification>().ToListAsync();
            Assert.Single(notices, n => n.ElementId == CampaignWorkflow.Elements.ReportToProvince && n.AddresseeUnitCode == PlanOrgCodes.SafetyOffice);
            Assert.Equal(36, notices.Count(n => n.ElementId == "Task_NotifyFiled"));
            Assert.Single(notices, n => n.ElementId == "Task_NotifyFiled" && n.BusinessKey == "fire-safety" && n.AddresseeUnitCode == "city-fire-rescue");
        }
    }

    [Fact]
    public async Task A_restart_starts_no_second_campaign()
    {
        var before = await server.Engine.Queries.QueryInstancesAsync(new InstanceQuery { DefinitionKey = CampaignWorkflow.ProcessKey });
        Assert.Single(before.Items);

        await using var scope = server.Factory.Services.CreateAsyncScope();
        var step = scope.ServiceProvider.GetRequiredService<StartCampaignStep>();
        await step.RunAsync(CancellationToken.None);

        var after = await server.Engine.Queries.QueryInstancesAsync(new InstanceQuery { DefinitionKey = CampaignWorkflow.ProcessKey });
        Assert.Equal(before.Items[0].Id, Assert.Single(after.Items).Id);
    }

    [Fact]
    public async Task A_unit_sees_the_notices_addressed_to_it_and_marks_them_read()
    {
        // File the fire department's plan: draft, head's approval, the committee office files it, the notice goes out.
        foreach (var element in new[] { "Task_DraftPlan", "Task_ApprovePlan", "Task_FilePlan" })
        {
            var task = (await TasksAsync("plan-filing", element, activeOnly: true)).Single(t => t.BusinessKey == "fire-safety");
            await server.Engine.CompleteTaskAsync(task.Id, VariablesFor(task), "office");
        }

        while (await server.Engine.ExecuteDueJobsAsync(Worker, 50) > 0)
        {
        }

        var fire = await server.ClientForAsync("fire-officer");
        var inbox = await fire.GetFromJsonAsync<JsonElement>("/api/notifications");
        var notice = Assert.Single(inbox.GetProperty("items").EnumerateArray());
        Assert.Equal("实施方案已备案", notice.GetProperty("titleZh").GetString());
        Assert.Equal("city-fire-rescue", notice.GetProperty("addresseeUnitCode").GetString());
        Assert.Equal(1, inbox.GetProperty("unread").GetInt32());
        var id = notice.GetProperty("id").GetString();

        var emergency = await server.ClientForAsync("emergency-officer");
        Assert.Empty((await emergency.GetFromJsonAsync<JsonElement>("/api/notifications")).GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await emergency.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);

        var read = await fire.PostAsync($"/api/notifications/{id}/read", null);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("fire-officer", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("readBy").GetString());
        var after = await fire.GetFromJsonAsync<JsonElement>("/api/notifications?unreadOnly=true");
        Assert.Equal(0, after.GetProperty("unread").GetInt32());
        Assert.Empty(after.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_plan_filing_left_past_its_deadline_is_judged_by_the_task_rules_when_its_reminder_fires()
    {
        // 1 July 2020 00:00 is the filing deadline; a few days later every unfiled plan's reminder has fired.
        server.MoveClockTo(new DateTimeOffset(2020, 7, 4, 9, 0, 0, TimeSpan.FromHours(8)));
        for (var round = 0; round < 10 && await server.Engine.ExecuteDueJobsAsync(Worker, 100) > 0; round++)
        {
        }

        await using var scope = server.Factory.Services.CreateAsyncScope();
        var decisions = await scope.ServiceProvider.GetRequiredService<CampaignDbContext>().Set<WorkflowHub.Campaign.Decisions.DecisionRecord>()
            .Where(d => d.RuleName == "Task.OverdueReminder")
            .ToListAsync();
        var fireDraft = (await TasksAsync("plan-filing", "Task_DraftPlan", activeOnly: true)).Single(t => t.BusinessKey == "fire-safety");
        var reminder = Assert.Single(decisions, d => d.SubjectId == fireDraft.Id.ToString("D"));
        Assert.Equal("city-fire-rescue", reminder.AddresseeUnitCode);
        Assert.Equal(WorkflowHub.Rules.Decisions.TriggerKind.TaskChanged, reminder.TriggerKind);
        Assert.Contains("plan-filing/Rule_DraftReminder", reminder.TriggerDetail, StringComparison.Ordinal);
        Assert.Equal(36, decisions.Select(d => d.SubjectId).Distinct().Count());
    }

    /// <summary>Runs due jobs and completes every open task of the campaign and its filings and reports until nothing moves.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            var jobs = await server.Engine.ExecuteDueJobsAsync(Worker, 100);
            var completed = 0;
            foreach (var key in WorkedProcesses)
            {
                foreach (var task in await TasksAsync(key, null, activeOnly: true))
                {
                    await server.Engine.CompleteTaskAsync(task.Id, VariablesFor(task), "campaign-tests");
                    completed++;
                }
            }

            if (jobs == 0 && completed == 0)
            {
                return;
            }
        }
    }

    private Dictionary<string, object?> VariablesFor(UserTaskRecord task) => task.ElementId switch
    {
        "Task_DraftPlan" => new() { ["planTitle"] = "实施方案", ["planSummary"] = "按总体方案细化任务分工" },
        "Task_ApprovePlan" or "Task_ApproveProgress" => new() { ["headDecision"] = "approve", ["headComment"] = "同意" },
        "Task_FilePlan" => new() { ["filingDecision"] = "file", ["filingComment"] = "予以备案" },
        "Task_ReportProgress" => new()
        {
            ["value"] = targetValues[task.BusinessKey!],
            ["asOf"] = DateOnly.FromDateTime(server.Clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd"),
            ["evidenceNote"] = "台账",
        },
        _ => new() { ["summary"] = "已完成" },
    };

    private List<(string Due, string Target)> ExpectedQuarterlyReports()
    {
        var calendar = new CampaignCalendar(plan.Campaign.Start, 1, CampaignServer.CampaignStart);
        var variables = CampaignProcessVariables.Build(plan, calendar);
        var reports = new List<(string, string)>();
        for (var phase = 2; phase <= 4; phase++)
        {
            foreach (var round in (List<Dictionary<string, object?>>)variables[CampaignWorkflow.Variables.PhaseQuarters(phase)]!)
            {
                foreach (var target in (List<Dictionary<string, object?>>)round["targets"]!)
                {
                    reports.Add(((string)round["due"]!, (string)target["code"]!));
                }
            }
        }

        return reports;
    }

    private async Task<List<UserTaskRecord>> TasksAsync(string definitionKey, string? elementId, bool activeOnly)
    {
        var all = new List<UserTaskRecord>();
        for (var skip = 0; ; skip += 200)
        {
            var page = await server.Engine.Queries.QueryTasksAsync(new TaskQuery
            {
                DefinitionKey = definitionKey,
                ElementId = elementId,
                State = activeOnly ? UserTaskState.Active : null,
                Skip = skip,
                Take = 200,
            });
            all.AddRange(page.Items);
            if (page.Items.Count < 200)
            {
                return all;
            }
        }
    }

    private async Task<InstanceState> StateAsync(Guid instanceId) =>
        (await server.Engine.Queries.FindInstanceAsync(instanceId))!.State;
}
