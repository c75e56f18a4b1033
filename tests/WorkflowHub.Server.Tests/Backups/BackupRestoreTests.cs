using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using WorkflowHub.Campaign.Backups;
using WorkflowHub.Server.Infrastructure.Hosting;
using WorkflowHub.Server.Tests.Audit;
using WorkflowHub.Server.Tests.Hazards;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Testing.Hosting;

namespace WorkflowHub.Server.Tests.Backups;

/// <summary>
/// An online backup taken through the admin API while the server runs, restored into a new file and opened by a
/// second server, holds every hazard, instance, task, decision and the audit chain exactly as they were.
/// </summary>
public sealed class BackupRestoreTests : IAsyncLifetime
{
    private readonly HazardServer server = new();
    private readonly string restoreFolder = TempFolders.Create();

    public Task InitializeAsync() => server.InitializeAsync();

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        TempFolders.Delete(restoreFolder);
    }

    /// <summary>What must survive: ids and states of everything that matters, and the audit chain's links.</summary>
    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(string path, long auditUpTo) => new()
    {
        ["hazards"] = await DatabaseFile.RowsAsync(path, "SELECT Id, Number, State, InstanceId FROM Hazards ORDER BY Id"),
        ["instances"] = await DatabaseFile.RowsAsync(path, "SELECT id, state, version FROM engine_instances ORDER BY id"),
        ["tasks"] = await DatabaseFile.RowsAsync(path, "SELECT id, instance_id, element_id, state FROM engine_tasks ORDER BY id"),
        ["history"] = await DatabaseFile.RowsAsync(path, "SELECT count(*) FROM engine_history"),
        ["decisions"] = await DatabaseFile.RowsAsync(path, "SELECT Id, Kind, SubjectId, RuleName FROM DecisionRecords ORDER BY Id"),
        ["audit"] = await DatabaseFile.RowsAsync(path, $"SELECT Sequence, Id, Action, Hash FROM AuditEntries WHERE Sequence <= {auditUpTo} ORDER BY Sequence"),
    };

    [Fact]
    public async Task A_backup_taken_through_the_api_restores_into_a_server_that_finds_everything_intact()
    {
        var office = await server.ClientForAsync("office");
        var officer = await server.ClientForAsync("fire-officer");
        var enterprise = await server.ClientForAsync("enterprise-demo");
        var graded = await HazardApi.ReportAsync(office, "液氨储罐压力表失效", HazardApi.FireArea);
        await HazardApi.ReportAsync(office, "配电箱未接地", HazardApi.FireArea);
        var number = graded.GetProperty("number").GetString()!;
        await HazardApi.CompleteAsync(officer, number, "Task_GradeHazard", HazardApi.Grading("general"));
        await HazardApi.CompleteAsync(enterprise, number, "Task_SubmitPlan", HazardApi.Plan());

        // Far past the rectification deadline: the sweep decides a reminder.
        server.Clock.Advance(TimeSpan.FromDays(40));
        var admin = await server.ClientForAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/decisions/sweep", null)).StatusCode);

        var source = DatabaseFile.PathOf(server.Factory);
        var chainLength = long.Parse((await DatabaseFile.RowsAsync(source, "SELECT max(Sequence) FROM AuditEntries"))[0], System.Globalization.CultureInfo.InvariantCulture);
        var before = await SnapshotAsync(source, chainLength);
        Assert.Equal(2, before["hazards"].Count);
        Assert.True(before["instances"].Count >= 2);
        Assert.True(before["tasks"].Count >= 3);
        Assert.NotEmpty(before["decisions"]);

        // Back up while the server runs.
        var created = await admin.PostAsync("/api/admin/backups", null);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var backup = await created.Content.ReadFromJsonAsync<JsonElement>();
        var name = backup.GetProperty("name").GetString()!;
        Assert.Matches(@"^workflowhub-\d{8}-\d{6}-[0-9a-f]{6}\.db$", name);
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/admin/backups");
        Assert.Contains(listed.EnumerateArray(), b => b.GetProperty("name").GetString() == name);

        var bytes = await admin.GetByteArrayAsync($"/api/admin/backups/{name}");
        Assert.Equal(backup.GetProperty("sizeBytes").GetInt64(), bytes.Length);
        Assert.Equal(backup.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var downloaded = Path.Combine(restoreFolder, "downloaded.db");
        await File.WriteAllBytesAsync(downloaded, bytes);

        // Restoring onto the running server's file is refused; into a new file it works.
        var refused = new StringWriter();
        Assert.Equal(1, await DatabaseCommands.RunAsync(server.Factory.Services, ["restore", downloaded], TextWriter.Null, refused));
        Assert.Contains("server is running", refused.ToString(), StringComparison.Ordinal);
        var restoredFolder = Path.Combine(restoreFolder, "restored");
        await DatabaseRestore.RestoreAsync(downloaded, Path.Combine(restoredFolder, "workflowhub.db"), CancellationToken.None);

        using var second = WorkflowHubFactory.OnFolder(restoredFolder, new Dictionary<string, string?>
        {
            ["Engine:JobExecutor:Enabled"] = "false",
            ["Decisions:SweepEnabled"] = "false",
        });
        var restoredPath = second.DatabasePath;
        var secondAuditor = await second.CreateClientForAsync("auditor");

        Assert.Equal(before, await SnapshotAsync(restoredPath, chainLength));
        var verify = await secondAuditor.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        Assert.True(verify.GetProperty("entriesChecked").GetInt64() > chainLength);

        // The restored server serves what was there.
        var secondAdmin = await second.CreateClientForAsync("admin");
        foreach (var instance in before["instances"].Select(row => row.Split('|')[0]))
        {
            Assert.Equal(HttpStatusCode.OK, (await secondAdmin.GetAsync($"/api/instances/{instance}")).StatusCode);
        }

        foreach (var decision in before["decisions"].Select(row => row.Split('|')[0]))
        {
            Assert.Equal(HttpStatusCode.OK, (await secondAuditor.GetAsync($"/api/decisions/{decision}")).StatusCode);
        }
    }

    [Fact]
    public async Task Backups_are_for_admins_and_only_server_made_names_can_be_downloaded()
    {
        var admin = await server.ClientForAsync("admin");
        var office = await server.ClientForAsync("office");

        Assert.Equal(HttpStatusCode.Forbidden, (await office.PostAsync("/api/admin/backups", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await office.GetAsync("/api/admin/backups")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/backups/..%2Fworkflowhub.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/backups/workflowhub.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/admin/backups/workflowhub-20200101-000000-abcdef.db")).StatusCode);
    }

    [Fact]
    public async Task The_backup_verb_copies_a_running_database_and_restore_refuses_a_file_that_is_no_backup()
    {
        var target = Path.Combine(restoreFolder, "cli.db");
        var output = new StringWriter();
        Assert.Equal(0, await DatabaseCommands.RunAsync(server.Factory.Services, ["backup", target], output, TextWriter.Null));
        Assert.Contains("sha256", output.ToString(), StringComparison.Ordinal);
        await SqliteBackup.CheckIntegrityAsync(target, CancellationToken.None);

        // A second backup never overwrites the first.
        Assert.Equal(1, await DatabaseCommands.RunAsync(server.Factory.Services, ["backup", target], TextWriter.Null, TextWriter.Null));

        var junk = Path.Combine(restoreFolder, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database");
        await Assert.ThrowsAsync<RestoreRefusedException>(() => DatabaseRestore.RestoreAsync(junk, Path.Combine(restoreFolder, "other", "workflowhub.db"), CancellationToken.None));
        Assert.False(File.Exists(Path.Combine(restoreFolder, "other", "workflowhub.db")));
    }
}
