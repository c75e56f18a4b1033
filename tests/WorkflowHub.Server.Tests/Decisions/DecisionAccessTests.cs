using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>Who sees which decisions: all for the office, auditors and admins; a department only what is addressed to it.</summary>
public sealed class DecisionAccessTests(DecisionsServer server) : IClassFixture<DecisionsServer>, IAsyncLifetime
{
    private string fireSubject = "";
    private string emergencySubject = "";

    public async Task InitializeAsync()
    {
        fireSubject = (await server.SeedOverdueHazardAsync($"YH2020{Random.Shared.Next(100000, 999999)}", "city-fire-rescue", overdueDays: 3)).Id.ToString();
        emergencySubject = (await server.SeedOverdueHazardAsync($"YH2020{Random.Shared.Next(100000, 999999)}", "city-emergency", overdueDays: 3)).Id.ToString();
        await DecisionApi.SweepAsync(server);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_department_officer_sees_only_decisions_addressed_to_its_unit()
    {
        var officer = await server.ClientForAsync("fire-officer");

        var page = await officer.GetFromJsonAsync<JsonElement>("/api/decisions?take=200");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, d => Assert.Equal("city-fire-rescue", d.GetProperty("addresseeUnitCode").GetString()));
        Assert.Contains(items, d => d.GetProperty("subjectId").GetString() == fireSubject);
        Assert.DoesNotContain(items, d => d.GetProperty("subjectId").GetString() == emergencySubject);
        Assert.Equal(items.Count, page.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Another_units_decision_is_404_for_a_department_and_visible_to_the_auditor()
    {
        var auditor = await server.ClientForAsync("auditor");
        var emergencyDecision = DecisionApi.Id(Assert.Single(await DecisionApi.AboutAsync(auditor, emergencySubject)));
        var officer = await server.ClientForAsync("fire-officer");

        var hidden = await officer.GetAsync($"/api/decisions/{emergencyDecision}");
        var seen = await auditor.GetAsync($"/api/decisions/{emergencyDecision}");

        await ProblemAssertions.AssertProblemAsync(hidden, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
    }

    [Fact]
    public async Task Filters_narrow_the_list_by_kind_unit_rule_and_period()
    {
        var office = await server.ClientForAsync("office");

        var byUnit = await office.GetFromJsonAsync<JsonElement>("/api/decisions?unit=city-emergency&kind=Reminder&rule=GeneralHazard.Reminder&take=200");
        var before = await office.GetFromJsonAsync<JsonElement>($"/api/decisions?unit=city-emergency&to={Uri.EscapeDataString(DecisionsServer.Start.AddDays(-1).ToString("O"))}");

        var items = byUnit.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, d => d.GetProperty("subjectId").GetString() == emergencySubject);
        Assert.All(items, d =>
        {
            Assert.Equal("city-emergency", d.GetProperty("addresseeUnitCode").GetString());
            Assert.Equal("Reminder", d.GetProperty("kind").GetString());
        });
        Assert.Equal(0, before.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_bad_period_or_page_is_400()
    {
        var office = await server.ClientForAsync("office");

        var response = await office.GetAsync("/api/decisions?take=0");

        var problem = await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("take", out _));
    }

    [Theory]
    [InlineData("fire-officer")]
    [InlineData("office")]
    public async Task Only_auditors_and_admins_replay_and_only_admins_sweep(string userName)
    {
        var auditor = await server.ClientForAsync("auditor");
        var decision = DecisionApi.Id(Assert.Single(await DecisionApi.AboutAsync(auditor, fireSubject)));
        var client = await server.ClientForAsync(userName);

        var replay = await client.PostAsync($"/api/decisions/{decision}/replay", null);
        var sweep = await client.PostAsync("/api/decisions/sweep", null);

        await ProblemAssertions.AssertProblemAsync(replay, HttpStatusCode.Forbidden);
        await ProblemAssertions.AssertProblemAsync(sweep, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Without_a_token_the_decisions_are_401()
    {
        var response = await server.Factory.CreateClient().GetAsync("/api/decisions");

        await ProblemAssertions.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }
}
