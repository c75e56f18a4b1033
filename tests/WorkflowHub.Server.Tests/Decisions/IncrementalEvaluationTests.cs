using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Hazards;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>The rules answer an application change at once, without waiting for the daily sweep or a timer.</summary>
public sealed class IncrementalEvaluationTests(HazardServer server) : IClassFixture<HazardServer>
{
    [Fact]
    public async Task Grading_a_hazard_major_lists_it_for_supervision_at_once_naming_the_grading()
    {
        var office = await server.ClientForAsync("office");
        var emergency = await server.ClientForAsync("emergency-officer");
        var reported = await ReportAsync(office, "液氨储罐区压力表失效", ChemicalsArea);
        var number = reported.GetProperty("number").GetString()!;
        var hazardId = reported.GetProperty("id").GetString()!;
        Assert.Empty(await DecisionsAboutAsync(office, hazardId));

        await CompleteAsync(emergency, number, "Task_GradeHazard", Grading("major"));

        // No job has run and no sweep: the grading itself triggered the evaluation.
        var listed = Assert.Single(await DecisionsAboutAsync(office, hazardId), d => d.GetProperty("kind").GetString() == "ListedSupervision");
        Assert.Equal("HazardChanged", listed.GetProperty("triggerKind").GetString());
        var trigger = listed.GetProperty("triggerDetail").GetString()!;
        Assert.Contains($"hazard {number} graded major", trigger, StringComparison.Ordinal);
        Assert.Contains("Task_GradeHazard by emergency-officer", trigger, StringComparison.Ordinal);
        Assert.Equal("MajorHazard.ListedSupervision", listed.GetProperty("ruleName").GetString());

        // The loop's own supervision step and a later sweep add no second rung.
        await server.RunDueJobsAsync();
        var sweep = await server.ClientForAsync("admin");
        Assert.True((await sweep.PostAsync("/api/decisions/sweep", null)).IsSuccessStatusCode);
        Assert.Single(await DecisionsAboutAsync(office, hazardId), d => d.GetProperty("kind").GetString() == "ListedSupervision");
    }

    [Fact]
    public async Task Grading_a_hazard_general_decides_nothing_yet()
    {
        var office = await server.ClientForAsync("office");
        var fire = await server.ClientForAsync("fire-officer");
        var reported = await ReportAsync(office, "疏散指示标志损坏", FireArea);
        await CompleteAsync(fire, reported.GetProperty("number").GetString()!, "Task_GradeHazard", Grading("general"));

        Assert.Empty(await DecisionsAboutAsync(office, reported.GetProperty("id").GetString()!));
    }

    private static async Task<List<JsonElement>> DecisionsAboutAsync(HttpClient client, string hazardId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/decisions?subjectId={hazardId}&take=200");
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
