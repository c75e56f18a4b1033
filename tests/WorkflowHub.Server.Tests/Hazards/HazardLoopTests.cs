using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>A general and a major hazard driven over HTTP from report to closure, each sent back once at acceptance.</summary>
public sealed class HazardLoopTests(HazardServer server) : IClassFixture<HazardServer>
{
    [Fact]
    public async Task A_general_hazard_goes_from_report_to_closure_with_one_rejection()
    {
        var officer = await server.ClientForAsync("fire-officer");
        var enterprise = await server.ClientForAsync("enterprise-demo");
        var reported = await ReportAsync(officer, "消防通道堵塞", FireArea);
        var id = reported.GetProperty("id").GetString()!;
        var number = reported.GetProperty("number").GetString()!;
        Assert.Matches(@"^YH2020\d{6}$", number);
        Assert.Equal("city-fire-rescue", reported.GetProperty("responsibleUnitCode").GetString());

        var file = await GetFileAsync(officer, id);
        Assert.Equal("Grading", State(file));
        Assert.Equal(["Task_GradeHazard"], CurrentTaskElements(file));

        await CompleteAsync(officer, number, "Task_GradeHazard", Grading("general"));
        file = await GetFileAsync(officer, id);
        Assert.Equal("Planning", State(file));
        Assert.Equal("General", file.GetProperty("hazard").GetProperty("grade").GetString());
        // General hazards: 30 days from grading.
        Assert.Equal(GradedAt(file).AddDays(30), file.GetProperty("hazard").GetProperty("dueAt").GetDateTimeOffset());

        await CompleteAsync(enterprise, number, "Task_SubmitPlan", Plan());
        Assert.Equal("Rectifying", State(await GetFileAsync(officer, id)));
        var upload = await UploadAsync(enterprise, id, Png(), "整改后.png");
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        file = await GetFileAsync(officer, id);
        Assert.Equal("AwaitingAcceptance", State(file));
        Assert.Equal(["Task_AcceptGeneral"], CurrentTaskElements(file));

        await CompleteAsync(officer, number, "Task_AcceptGeneral", Acceptance(false));
        file = await GetFileAsync(officer, id);
        Assert.Equal("Rectifying", State(file));
        Assert.Equal(1, file.GetProperty("hazard").GetProperty("rejectionCount").GetInt32());

        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        await CompleteAsync(officer, number, "Task_AcceptGeneral", Acceptance(true));
        await server.RunDueJobsAsync();

        file = await GetFileAsync(officer, id);
        Assert.Equal("Closed", State(file));
        Assert.Empty(CurrentTaskElements(file));
        Assert.Equal(1, file.GetProperty("hazard").GetProperty("rejectionCount").GetInt32());
        Assert.False(file.GetProperty("hazard").GetProperty("listedForSupervision").GetBoolean());
        Assert.Single(file.GetProperty("evidence").EnumerateArray());
        var history = file.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, e => e.GetProperty("elementId").GetString() == "Task_CloseHazard");
        Assert.Contains(history, e => e.GetProperty("type").GetString() == "InstanceCompleted");

        var stored = await server.WithDbAsync(db => db.Hazards.AsNoTracking().SingleAsync(h => h.Number == number));
        Assert.Equal(HazardState.Closed, stored.State);
        Assert.NotNull(stored.ClosedAt);
        Assert.NotNull(stored.RectifiedAt);
    }

    [Fact]
    public async Task A_major_hazard_is_listed_for_supervision_and_closed_by_the_committee_office_after_one_rejection()
    {
        var office = await server.ClientForAsync("office");
        var emergency = await server.ClientForAsync("emergency-officer");
        var enterprise = await server.ClientForAsync("enterprise-demo");
        var reported = await ReportAsync(office, "储罐区可燃气体报警装置失效", ChemicalsArea);
        var id = reported.GetProperty("id").GetString()!;
        var number = reported.GetProperty("number").GetString()!;
        Assert.Equal("city-emergency", reported.GetProperty("responsibleUnitCode").GetString());

        await CompleteAsync(emergency, number, "Task_GradeHazard", Grading("major"));
        // Listing for supervision is an external task: the job executor runs it.
        await server.RunDueJobsAsync();
        var file = await GetFileAsync(office, id);
        Assert.Equal("Planning", State(file));
        Assert.Equal("Major", file.GetProperty("hazard").GetProperty("grade").GetString());
        Assert.True(file.GetProperty("hazard").GetProperty("listedForSupervision").GetBoolean());
        Assert.Equal(GradedAt(file).AddDays(90), file.GetProperty("hazard").GetProperty("dueAt").GetDateTimeOffset());

        await CompleteAsync(enterprise, number, "Task_SubmitPlan", Plan());
        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        file = await GetFileAsync(office, id);
        Assert.Equal(["Task_AcceptMajor"], CurrentTaskElements(file));
        // Only the supervising authority closes a major hazard: the responsible department is not offered the task.
        Assert.Empty(await MyTasksAsync(emergency, number));

        await CompleteAsync(office, number, "Task_AcceptMajor", Acceptance(false));
        Assert.Equal("Rectifying", State(await GetFileAsync(office, id)));
        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        await CompleteAsync(office, number, "Task_AcceptMajor", Acceptance(true));
        await server.RunDueJobsAsync();

        file = await GetFileAsync(office, id);
        Assert.Equal("Closed", State(file));
        Assert.Equal(1, file.GetProperty("hazard").GetProperty("rejectionCount").GetInt32());
        Assert.True(file.GetProperty("hazard").GetProperty("listedForSupervision").GetBoolean());
    }

    [Fact]
    public async Task Numbers_are_unique_and_consecutive_within_the_year()
    {
        var office = await server.ClientForAsync("office");
        var first = (await ReportAsync(office, "配电室线路老化", FireArea)).GetProperty("number").GetString()!;
        var second = (await ReportAsync(office, "配电室线路老化二", FireArea)).GetProperty("number").GetString()!;

        Assert.Equal(long.Parse(first[2..], System.Globalization.CultureInfo.InvariantCulture) + 1, long.Parse(second[2..], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_late_grading_task_raises_the_reminder_and_the_rules_are_asked()
    {
        var officer = await server.ClientForAsync("fire-officer");
        var reported = await ReportAsync(officer, "疏散指示标志损坏", FireArea);
        var id = reported.GetProperty("id").GetString()!;

        // Grading is due in 3 days; the reminder cycle is daily. Four days later the task is late.
        server.Clock.Advance(TimeSpan.FromDays(4));
        await server.RunDueJobsAsync();

        var client = await server.ClientForAsync("fire-officer");
        var file = await GetFileAsync(client, id);
        Assert.Equal("Grading", State(file));
        var history = file.GetProperty("history").EnumerateArray().ToList();
        Assert.Contains(history, e => e.GetProperty("type").GetString() == "TimerFired" && e.GetProperty("elementId").GetString() == "Boundary_GradeReminder");
        Assert.Contains(history, e => e.GetProperty("type").GetString() == "DecisionEvaluated" && e.GetProperty("elementId").GetString() == "Rule_GradeReminder");
        Assert.DoesNotContain(history, e => e.GetProperty("type").GetString() == "IncidentCreated");
        var tasks = await MyTasksAsync(client, reported.GetProperty("number").GetString()!);
        Assert.True(Assert.Single(tasks).GetProperty("overdue").GetBoolean());
    }

    private static DateTimeOffset GradedAt(JsonElement file) => file.GetProperty("hazard").GetProperty("gradedAt").GetDateTimeOffset();
}
