using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Server.Tests.Infrastructure;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>
/// Linking a hazard to an accident (POST /api/hazards/{id}/accident) through real HTTP: the accident is kept on the
/// hazard's file and the rules refer the responsible unit to the judicial authorities at once, exactly once; every
/// refusal leaves the hazard as it was.
/// </summary>
public sealed class AccidentLinkTests(HazardServer server) : IClassFixture<HazardServer>
{
    private const string JudicialReferralRule = "Accident.JudicialReferral";

    /// <summary>The test clock's day in the city (HazardServer.Start is 10:00 on 15 July 2020, +08:00).</summary>
    private const string Today = "2020-07-15";

    [Fact]
    public async Task Linking_keeps_the_accident_on_the_file_and_refers_the_unit_to_the_judicial_authorities_once()
    {
        var office = await server.ClientForAsync("office");
        var fire = await server.ClientForAsync("fire-officer");
        var reported = await ReportAsync(office, "商场防火门常闭失效", FireArea);
        var id = reported.GetProperty("id").GetString()!;
        var number = reported.GetProperty("number").GetString()!;
        var version = Version(await GetFileAsync(fire, id));

        var response = await LinkAsync(fire, id, "哈应急事调〔2020〕7号", Today, "二层仓库火灾，防火门未关闭致烟气蔓延。", version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        AssertLinked(view, "哈应急事调〔2020〕7号", "fire-officer");
        Assert.Equal(version + 1, view.GetProperty("version").GetInt64());

        var file = await GetFileAsync(office, id);
        AssertLinked(file.GetProperty("hazard"), "哈应急事调〔2020〕7号", "fire-officer");
        Assert.Equal("二层仓库火灾，防火门未关闭致烟气蔓延。", file.GetProperty("hazard").GetProperty("accidentDescription").GetString());
        Assert.Contains(file.GetProperty("decisions").EnumerateArray(), d => d.GetProperty("ruleName").GetString() == JudicialReferralRule);

        // Decided at once (no sweep, no job ran), naming the change that triggered it.
        var referral = Assert.Single(await DecisionsAboutAsync(office, id), d => d.GetProperty("ruleName").GetString() == JudicialReferralRule);
        Assert.Equal("JudicialReferral", referral.GetProperty("kind").GetString());
        Assert.Equal("HazardChanged", referral.GetProperty("triggerKind").GetString());
        Assert.Equal("city-fire-rescue", referral.GetProperty("addresseeUnitCode").GetString());
        Assert.Equal($"hazard {number} linked to accident 哈应急事调〔2020〕7号 by fire-officer", referral.GetProperty("triggerDetail").GetString());
        Assert.Equal(HazardServer.Start, referral.GetProperty("decidedAt").GetDateTimeOffset());

        // A second link is refused and changes nothing; a sweep does not repeat the referral.
        var again = await LinkAsync(office, id, "哈应急事调〔2020〕8号", Today, "另一起事故。", version + 1);
        var conflict = await ProblemAssertions.AssertProblemAsync(again, HttpStatusCode.Conflict);
        Assert.Equal("Conflicts with the current state.", conflict.GetProperty("title").GetString());
        Assert.Contains("already linked to accident 哈应急事调〔2020〕7号", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var admin = await server.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/decisions/sweep", null)).StatusCode);
        Assert.Single(await DecisionsAboutAsync(office, id), d => d.GetProperty("ruleName").GetString() == JudicialReferralRule);
        file = await GetFileAsync(office, id);
        AssertLinked(file.GetProperty("hazard"), "哈应急事调〔2020〕7号", "fire-officer");
        Assert.Equal(version + 1, Version(file));
    }

    [Fact]
    public async Task Refused_links_answer_with_problem_details_and_store_nothing()
    {
        var office = await server.ClientForAsync("office");
        var reported = await ReportAsync(office, "液氨管道阀门泄漏", ChemicalsArea);
        var id = reported.GetProperty("id").GetString()!;
        var before = await GetFileAsync(office, id);
        var version = Version(before);
        const string description = "阀门泄漏引发中毒事故。";

        // Who: auditors and enterprises may not; another department does not even see the hazard.
        await ProblemAssertions.AssertProblemAsync(await LinkAsync(await server.ClientForAsync("auditor"), id, "事故-1", Today, description, version), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await LinkAsync(await server.ClientForAsync("enterprise-demo"), id, "事故-1", Today, description, version), HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(await LinkAsync(await server.ClientForAsync("fire-officer"), id, "事故-1", Today, description, version), HttpStatusCode.NotFound);
        await ProblemAssertions.AssertProblemAsync(await LinkAsync(office, Guid.NewGuid().ToString(), "事故-1", Today, description, 1), HttpStatusCode.NotFound);

        // What: each bad field is named.
        await AssertFieldRefusedAsync(await LinkAsync(office, id, "事故-1", "2020-07-16", description, version), "accidentDate", "future");
        await AssertFieldRefusedAsync(await LinkAsync(office, id, "事故-1", "2020-07-13", description, version), "accidentDate", "before the hazard was found (2020-07-14)");
        await AssertFieldRefusedAsync(await LinkAsync(office, id, "事故-1", "15/07/2020", description, version), "accidentDate", "day");
        await AssertFieldRefusedAsync(await LinkAsync(office, id, "  ", Today, description, version), "accidentReference");
        await AssertFieldRefusedAsync(await LinkAsync(office, id, new string('号', 65), Today, description, version), "accidentReference", "64");
        await AssertFieldRefusedAsync(await LinkAsync(office, id, "事故-1", Today, "", version), "description");

        // When: a stale version is refused.
        var stale = await ProblemAssertions.AssertProblemAsync(await LinkAsync(office, id, "事故-1", Today, description, version - 1), HttpStatusCode.Conflict);
        Assert.Contains("changed by someone else", stale.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var after = await GetFileAsync(office, id);
        Assert.False(after.GetProperty("hazard").GetProperty("linkedToAccident").GetBoolean());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("hazard").GetProperty("accidentReference").ValueKind);
        Assert.Equal(version, Version(after));
        Assert.Empty(await DecisionsAboutAsync(office, id));
        var stored = await server.WithDbAsync(db => db.Hazards.AsNoTracking().SingleAsync(h => h.Id == Guid.Parse(id)));
        Assert.False(stored.LinkedToAccident);
        Assert.Null(stored.AccidentReference);
        Assert.Null(stored.AccidentDate);
        Assert.Null(stored.AccidentLinkedBy);
        Assert.Null(stored.AccidentLinkedAt);
    }

    [Fact]
    public async Task A_closed_hazard_can_still_be_linked_since_accidents_are_often_traced_later()
    {
        var fire = await server.ClientForAsync("fire-officer");
        var id = await ReportAndCloseAsync(fire, "消防控制室无人值守");
        var file = await GetFileAsync(fire, id);

        var response = await LinkAsync(fire, id, "哈应急事调〔2020〕9号", Today, "销号后发生火灾，调查认定与该隐患整改不实有关。", Version(file));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        AssertLinked(view, "哈应急事调〔2020〕9号", "fire-officer");
        Assert.Equal("Closed", view.GetProperty("state").GetString());
        var referral = Assert.Single(await DecisionsAboutAsync(await server.ClientForAsync("office"), id), d => d.GetProperty("ruleName").GetString() == JudicialReferralRule);
        Assert.Contains("linked to accident 哈应急事调〔2020〕9号 by fire-officer", referral.GetProperty("triggerDetail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_sweep_refers_a_closed_linked_hazard_whose_immediate_evaluation_was_lost()
    {
        var fire = await server.ClientForAsync("fire-officer");
        var id = await ReportAndCloseAsync(fire, "疏散通道堆放杂物");

        // As if the process died between saving the link and evaluating it: the flag is stored, no decision is.
        await server.WithDbAsync(db => db.Hazards.Where(h => h.Id == Guid.Parse(id))
            .ExecuteUpdateAsync(set => set.SetProperty(h => h.LinkedToAccident, true)));
        var office = await server.ClientForAsync("office");
        Assert.DoesNotContain(await DecisionsAboutAsync(office, id), d => d.GetProperty("ruleName").GetString() == JudicialReferralRule);

        var admin = await server.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/decisions/sweep", null)).StatusCode);

        var referral = Assert.Single(await DecisionsAboutAsync(office, id), d => d.GetProperty("ruleName").GetString() == JudicialReferralRule);
        Assert.Equal("DailySweep", referral.GetProperty("triggerKind").GetString());
    }

    /// <summary>Reports a general hazard and takes it through grading, plan, rectification and acceptance to Closed.</summary>
    private async Task<string> ReportAndCloseAsync(HttpClient fire, string title)
    {
        var enterprise = await server.ClientForAsync("enterprise-demo");
        var reported = await ReportAsync(fire, title, FireArea);
        var number = reported.GetProperty("number").GetString()!;
        await CompleteAsync(fire, number, "Task_GradeHazard", Grading("general"));
        await CompleteAsync(enterprise, number, "Task_SubmitPlan", Plan());
        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        await CompleteAsync(fire, number, "Task_AcceptGeneral", Acceptance(true));
        await server.RunDueJobsAsync();
        var id = reported.GetProperty("id").GetString()!;
        Assert.Equal("Closed", State(await GetFileAsync(fire, id)));
        return id;
    }

    private static Task<HttpResponseMessage> LinkAsync(HttpClient client, string hazardId, string reference, string date, string description, long version) =>
        client.PostAsJsonAsync($"/api/hazards/{hazardId}/accident", new { accidentReference = reference, accidentDate = date, description, version });

    private static long Version(JsonElement file) => file.GetProperty("hazard").GetProperty("version").GetInt64();

    private static void AssertLinked(JsonElement hazard, string reference, string by)
    {
        Assert.True(hazard.GetProperty("linkedToAccident").GetBoolean());
        Assert.Equal(reference, hazard.GetProperty("accidentReference").GetString());
        Assert.Equal(Today, hazard.GetProperty("accidentDate").GetString());
        Assert.Equal(by, hazard.GetProperty("accidentLinkedBy").GetString());
        Assert.Equal(HazardServer.Start, hazard.GetProperty("accidentLinkedAt").GetDateTimeOffset());
    }

    /// <summary>A 400 naming <paramref name="field"/>; FluentValidation's own messages follow the request's culture, so only ours are matched.</summary>
    private static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field, string? messagePart = null)
    {
        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}' in {problem}");
        Assert.Equal([field], errors.EnumerateObject().Select(e => e.Name));
        if (messagePart is not null)
        {
            Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(messagePart, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static async Task<List<JsonElement>> DecisionsAboutAsync(HttpClient client, string hazardId)
    {
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/decisions?subjectId={hazardId}&take=200");
        return page.GetProperty("items").EnumerateArray().ToList();
    }
}
