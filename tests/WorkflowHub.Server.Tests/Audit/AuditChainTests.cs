using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WorkflowHub.Server.Tests.Hazards;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Audit;

/// <summary>
/// Real commands over HTTP leave a hash chain that <c>GET /api/audit/verify</c> checks; a row edited or deleted in the
/// SQLite file behind the server's back is reported at exactly the entry where the chain breaks.
/// </summary>
public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly HazardServer server = new();

    public Task InitializeAsync() => server.InitializeAsync();

    public Task DisposeAsync() => server.DisposeAsync();

    private static async Task<JsonElement> VerifyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/audit/verify");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/audit?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    [Fact]
    public async Task Commands_are_chained_and_an_entry_edited_or_deleted_behind_the_servers_back_is_named()
    {
        var office = await server.ClientForAsync("office");
        var officer = await server.ClientForAsync("fire-officer");
        var auditor = await server.ClientForAsync("auditor");

        var first = await HazardApi.ReportAsync(office, "消防通道堵塞", HazardApi.FireArea);
        await HazardApi.ReportAsync(office, "疏散指示标志损坏", HazardApi.FireArea);
        await HazardApi.CompleteAsync(officer, first.GetProperty("number").GetString()!, "Task_GradeHazard", HazardApi.Grading("general"));
        // Refused and invalid commands are recorded too.
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsync("/api/decisions/sweep", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await office.PostAsJsonAsync("/api/hazards", new { title = "" })).StatusCode);

        var reports = await EntriesAsync(auditor, "action=ReportHazard&outcome=Succeeded");
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.Equal("office", r.GetProperty("userName").GetString()));
        Assert.All(reports, r => Assert.Equal("city-safety-office", r.GetProperty("orgUnitCode").GetString()));
        Assert.Contains(reports, r => r.GetProperty("payload").GetString()!.Contains("消防通道堵塞", StringComparison.Ordinal));
        Assert.Single(await EntriesAsync(auditor, "action=CompleteTask&user=fire-officer&outcome=Succeeded"));
        var refused = Assert.Single(await EntriesAsync(auditor, "action=RunDecisionSweep&user=auditor"));
        Assert.Equal("Failed", refused.GetProperty("outcome").GetString());
        Assert.Equal("ForbiddenException", refused.GetProperty("error").GetString());
        Assert.Single(await EntriesAsync(auditor, "action=ReportHazard&outcome=Failed"));

        // Sign-ins are commands too; their passwords never reach the chain.
        var signIns = await EntriesAsync(auditor, "action=IssueToken&take=200");
        Assert.True(signIns.Count >= 3);
        Assert.Contains(signIns, s => s.GetProperty("userName").GetString() == "fire-officer" && s.GetProperty("orgUnitCode").GetString() == "city-fire-rescue");
        Assert.All(signIns, s => Assert.DoesNotContain(WorkflowHubFactory.DemoPassword, s.GetProperty("payload").GetString()!, StringComparison.Ordinal));

        var valid = await VerifyAsync(auditor);
        Assert.True(valid.GetProperty("valid").GetBoolean());
        var count = valid.GetProperty("entriesChecked").GetInt64();
        Assert.Equal((await EntriesAsync(auditor, "take=1"))[0].GetProperty("sequence").GetInt64(), count);

        // Edit the first report's payload directly in the file.
        var target = reports.Single(r => r.GetProperty("payload").GetString()!.Contains("消防通道堵塞", StringComparison.Ordinal));
        var sequence = target.GetProperty("sequence").GetInt64();
        var path = DatabaseFile.PathOf(server.Factory);
        Assert.Equal(1, await DatabaseFile.ExecuteAsync(path, $"UPDATE AuditEntries SET Payload = replace(Payload, '消防通道堵塞', '消防通道畅通') WHERE Sequence = {sequence}"));

        var edited = await VerifyAsync(auditor);
        Assert.False(edited.GetProperty("valid").GetBoolean());
        var broken = edited.GetProperty("firstBrokenEntry");
        Assert.Equal(sequence, broken.GetProperty("sequence").GetInt64());
        Assert.Equal(target.GetProperty("id").GetGuid(), broken.GetProperty("id").GetGuid());
        Assert.Contains("content does not match", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(sequence, edited.GetProperty("entriesChecked").GetInt64());

        // Put it back: the chain is whole again. Then delete an entry: the one after the gap is named.
        Assert.Equal(1, await DatabaseFile.ExecuteAsync(path, $"UPDATE AuditEntries SET Payload = replace(Payload, '消防通道畅通', '消防通道堵塞') WHERE Sequence = {sequence}"));
        Assert.True((await VerifyAsync(auditor)).GetProperty("valid").GetBoolean());

        Assert.Equal(1, await DatabaseFile.ExecuteAsync(path, $"DELETE FROM AuditEntries WHERE Sequence = {sequence}"));
        var deleted = await VerifyAsync(auditor);
        Assert.False(deleted.GetProperty("valid").GetBoolean());
        Assert.Equal(sequence + 1, deleted.GetProperty("firstBrokenEntry").GetProperty("sequence").GetInt64());
        Assert.Contains("missing", deleted.GetProperty("firstBrokenEntry").GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_auditors_and_admins_read_the_chain()
    {
        var officer = await server.ClientForAsync("fire-officer");
        var admin = await server.ClientForAsync("admin");

        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await server.Factory.CreateClient().GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/audit?take=0")).StatusCode);
    }

    [Fact]
    public async Task A_failed_sign_in_is_recorded_without_its_password()
    {
        var anonymous = server.Factory.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "office", password = "Wrong#Guess1" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        var auditor = await server.ClientForAsync("auditor");
        var failed = Assert.Single(await EntriesAsync(auditor, "action=IssueToken&outcome=Failed"));
        Assert.Equal("InvalidCredentialsException", failed.GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, failed.GetProperty("userName").ValueKind);
        var payload = failed.GetProperty("payload").GetString()!;
        Assert.Contains("\"userName\":\"office\"", payload, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong#Guess1", payload, StringComparison.Ordinal);
    }
}
