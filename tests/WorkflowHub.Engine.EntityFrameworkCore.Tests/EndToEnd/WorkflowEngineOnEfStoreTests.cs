using Microsoft.Data.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.EndToEnd;

/// <summary>The real engine on the EF store: deploy, start, complete, restart the process and find everything intact.</summary>
public sealed class WorkflowEngineOnEfStoreTests : IDisposable
{
    // Chinese names and CRLF line ends, as a file saved by the designer on Windows would have.
    private static readonly string Xml = string.Join("\r\n",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"defs\" targetNamespace=\"http://example.org/hazard\">",
        "  <bpmn:process id=\"hazard-check\" name=\"隐患核查\" isExecutable=\"true\">",
        "    <bpmn:startEvent id=\"reported\" name=\"隐患上报\" />",
        "    <bpmn:userTask id=\"grade\" name=\"隐患定级\" camunda:candidateGroups=\"安委办, 应急管理局\" />",
        "    <bpmn:userTask id=\"accept\" name=\"整改验收\" camunda:assignee=\"${inspector}\" />",
        "    <bpmn:endEvent id=\"closed\" name=\"销号\" />",
        "    <bpmn:sequenceFlow id=\"f1\" sourceRef=\"reported\" targetRef=\"grade\" />",
        "    <bpmn:sequenceFlow id=\"f2\" sourceRef=\"grade\" targetRef=\"accept\" />",
        "    <bpmn:sequenceFlow id=\"f3\" sourceRef=\"accept\" targetRef=\"closed\" />",
        "  </bpmn:process>",
        "</bpmn:definitions>",
        "");

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Deploy_start_and_complete_survive_a_restart_on_the_same_file()
    {
        Guid instanceId;
        string definitionId;
        {
            var engine = new WorkflowEngine(await _database.CreateMigratedStoreAsync());
            definitionId = (await engine.DeployAsync(Xml, "admin")).Id;
            var started = await engine.StartInstanceAsync("hazard-check", "HZ-2026-001", userId: "enterprise-1");
            instanceId = started.Id;

            var inbox = await engine.Queries.QueryTasksAsync(new TaskQuery { CandidateGroups = ["应急管理局"] });
            var grade = Assert.Single(inbox.Items);
            Assert.Equal("grade", grade.ElementId);
            await engine.CompleteTaskAsync(grade.Id, new Dictionary<string, object?> { ["inspector"] = "zhao", ["等级"] = "重大" }, "officer-1");
        }

        SqliteConnection.ClearAllPools();
        var restarted = new WorkflowEngine(EfEngineStore.ForSqlite(_database.ConnectionString));
        Assert.Equal(Xml, await restarted.GetDefinitionXmlAsync(definitionId));
        var accept = Assert.Single((await restarted.Queries.QueryTasksAsync(new TaskQuery { Assignee = "zhao" })).Items);
        Assert.Equal("accept", accept.ElementId);
        Assert.Equal("HZ-2026-001", accept.BusinessKey);
        var midway = (await restarted.GetInstanceAsync(instanceId))!;
        Assert.Equal("重大", midway.Variables["等级"]);
        Assert.Equal(["accept"], midway.ActiveElementIds);

        await restarted.CompleteTaskAsync(accept.Id, userId: "zhao");

        var done = (await restarted.GetInstanceAsync(instanceId))!;
        Assert.Equal(InstanceState.Completed, done.State);
        var history = await restarted.Queries.GetHistoryAsync(instanceId);
        Assert.Equal(HistoryEventType.InstanceStarted, history[0].Type);
        Assert.Equal(HistoryEventType.InstanceCompleted, history[^1].Type);
        Assert.Equal(history.Select(h => h.Sequence).Order(), history.Select(h => h.Sequence));
        Assert.Equal(["officer-1", "zhao"], history.Where(h => h.Type == HistoryEventType.TaskCompleted).Select(h => h.UserId));
        Assert.Equal(0, (await restarted.Queries.QueryTasksAsync(new TaskQuery { BusinessKey = "HZ-2026-001" })).TotalCount);
    }

    [Fact]
    public async Task Starting_a_workflow_inside_the_applications_transaction_commits_or_rolls_back_with_it()
    {
        var store = await _database.CreateMigratedStoreAsync();
        var engine = new WorkflowEngine(store);
        await engine.DeployAsync(Xml);
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE app_hazards (business_key TEXT PRIMARY KEY)";
            await create.ExecuteNonQueryAsync();
        }

        async Task ReportAsync(string businessKey, bool commit)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            using (EngineTransactionScope.Join(connection, transaction))
            {
                await using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO app_hazards VALUES ($key)";
                insert.Parameters.AddWithValue("$key", businessKey);
                await insert.ExecuteNonQueryAsync();
                await engine.StartInstanceAsync("hazard-check", businessKey);
            }

            if (commit)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
            }
        }

        await ReportAsync("HZ-kept", commit: true);
        await ReportAsync("HZ-dropped", commit: false);

        Assert.Equal(1, (await store.QueryInstancesAsync(new InstanceQuery { BusinessKey = "HZ-kept" })).TotalCount);
        Assert.Equal(1, (await store.QueryTasksAsync(new TaskQuery { BusinessKey = "HZ-kept" })).TotalCount);
        Assert.Equal(0, (await store.QueryInstancesAsync(new InstanceQuery { BusinessKey = "HZ-dropped" })).TotalCount);
        Assert.Equal(0, (await store.QueryTasksAsync(new TaskQuery { BusinessKey = "HZ-dropped" })).TotalCount);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT group_concat(business_key) FROM app_hazards";
        Assert.Equal("HZ-kept", await count.ExecuteScalarAsync());
    }
}
