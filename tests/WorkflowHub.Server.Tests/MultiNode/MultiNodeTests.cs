using System.Diagnostics;
using System.Globalization;
using System.Net;
using WorkflowHub.Testing.MultiNode;
using WorkflowHub.Testing.PostgreSql;
using Xunit.Abstractions;

namespace WorkflowHub.Server.Tests.MultiNode;

/// <summary>
/// Three real server processes on one PostgreSQL database, driven through all three: every job and timer runs once
/// across the nodes, a task completed on two nodes at once is completed once, and the jobs a killed node had locked are
/// taken over by the others once their lock expires.
/// </summary>
public sealed class MultiNodeTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int ActivityCompleted = 11;
    private readonly List<ServerNode> _nodes = [];
    private PostgreSqlCluster? _cluster;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        if (PostgreSqlCluster.SkipReason is not null)
        {
            return;
        }

        _cluster = await PostgreSqlCluster.GetAsync();
        _connectionString = await _cluster.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DropDatabaseAsync(_connectionString);
        }
    }

    [PostgreSqlFact]
    public async Task Three_nodes_run_each_job_and_timer_once_and_take_over_the_jobs_of_a_killed_node()
    {
        var clock = Stopwatch.StartNew();
        var database = new NodeDatabase(_connectionString);

        // The first node migrates and seeds; the others then start on the ready database. The victim locks big batches,
        // so it is sure to hold jobs when it is killed.
        _nodes.Add(await ServerNode.StartAsync("node-1", _connectionString, new Dictionary<string, string> { ["Engine:JobExecutor:BatchSize"] = "200" }));
        _nodes.AddRange(await Task.WhenAll(
            ServerNode.StartAsync("node-2", _connectionString, new Dictionary<string, string> { ["Engine:JobExecutor:BatchSize"] = "5" }),
            ServerNode.StartAsync("node-3", _connectionString, new Dictionary<string, string> { ["Engine:JobExecutor:BatchSize"] = "5" })));
        output.WriteLine($"three nodes up after {clock.Elapsed.TotalSeconds:F1} s");
        await LoadWorkflow.DeployAsync(_nodes[0].Client);

        // ---- load through all three nodes -------------------------------------------------------------------------
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var firstWave = await StartInstancesAsync(_nodes, 60, "wave-1");
        var tasks = await WaitForReviewTasksAsync(database, firstWave, owners);
        Assert.True(owners.Count >= 2, $"jobs should be locked by several nodes; seen: {string.Join(", ", owners)}");

        // The same task completed on two nodes at the same moment: one wins, the other is told it is too late.
        var raced = tasks.Take(10).ToList();
        foreach (var (taskId, _) in raced)
        {
            var statuses = await Task.WhenAll(LoadWorkflow.CompleteAsync(_nodes[1].Client, taskId), LoadWorkflow.CompleteAsync(_nodes[2].Client, taskId));
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
            Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Conflict));
        }

        var rest = tasks.Skip(10).ToList();
        var completions = await Task.WhenAll(rest.Select((t, i) => LoadWorkflow.CompleteAsync(_nodes[i % 3].Client, t.TaskId)));
        Assert.All(completions, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(firstWave.Count, await database.CountInstancesAsync(firstWave, NodeDatabase.CompletedState));
        await AssertEachJobRanOnceAsync(database, firstWave);
        output.WriteLine($"first wave done after {clock.Elapsed.TotalSeconds:F1} s; lock owners seen: {owners.Count}");

        // ---- kill a node while it holds jobs ---------------------------------------------------------------------
        var victim = _nodes[0];
        var victimOwner = $"%:{victim.ProcessId.ToString(CultureInfo.InvariantCulture)}:%";
        var secondWave = await StartInstancesAsync([_nodes[1], _nodes[2]], 120, "wave-2");
        List<(Guid JobId, Guid InstanceId, string ElementId, long LockExpiresAt)> orphans = [];
        for (var attempt = 0; attempt < 20 && orphans.Count == 0; attempt++)
        {
            var holding = await NodeDatabase.WaitUntilAsync(
                async () => await database.ScalarAsync("SELECT count(*) FROM engine_jobs WHERE lock_owner LIKE @owner", ("owner", victimOwner)) > 0,
                TimeSpan.FromSeconds(30),
                TimeSpan.FromMilliseconds(5));
            Assert.True(holding, "node-1 never locked a job of the second wave");

            // Frozen first: a stopped node can neither finish nor release a job, so what it holds now is what it leaves behind.
            await victim.PauseAsync();
            orphans = await database.QueryAsync(
                "SELECT id, instance_id, element_id, lock_expires_at FROM engine_jobs WHERE lock_owner LIKE @owner",
                r => (JobId: r.GetGuid(0), InstanceId: r.GetGuid(1), ElementId: r.GetString(2), LockExpiresAt: r.GetInt64(3)),
                ("owner", victimOwner));
            if (orphans.Count == 0)
            {
                // It finished its batch between the look and the stop: let it go on and catch it holding the next one.
                await victim.ResumeAsync();
            }
        }

        Assert.NotEmpty(orphans);
        await victim.KillAsync();
        output.WriteLine($"killed node-1 holding {orphans.Count} jobs after {clock.Elapsed.TotalSeconds:F1} s");

        var survivors = _nodes.Skip(1).ToList();
        var secondTasks = await WaitForReviewTasksAsync(database, secondWave, owners);
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM engine_jobs WHERE lock_owner LIKE @owner", ("owner", victimOwner)));

        // Each orphaned job ran on a surviving node, and only once its lock had expired.
        foreach (var orphan in orphans)
        {
            var ranAt = await database.ScalarAsync(
                "SELECT min(timestamp) FROM engine_history WHERE instance_id = @id AND type = @type AND element_id = @element",
                ("id", orphan.InstanceId), ("type", ActivityCompleted), ("element", orphan.ElementId));
            Assert.True(ranAt >= orphan.LockExpiresAt, $"job {orphan.JobId} ran before the dead node's lock expired");
        }

        var secondCompletions = await Task.WhenAll(secondTasks.Select((t, i) => LoadWorkflow.CompleteAsync(survivors[i % 2].Client, t.TaskId)));
        Assert.All(secondCompletions, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(secondWave.Count, await database.CountInstancesAsync(secondWave, NodeDatabase.CompletedState));
        await AssertEachJobRanOnceAsync(database, [.. firstWave, .. secondWave]);
        output.WriteLine($"done after {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<List<Guid>> StartInstancesAsync(List<ServerNode> nodes, int count, string prefix)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, count)
            .Select(i => LoadWorkflow.StartAsync(nodes[i % nodes.Count].Client, $"{prefix}-{i.ToString(CultureInfo.InvariantCulture)}")));
        return [.. started];
    }

    /// <summary>Waits until every instance waits in its review task, noting which nodes lock jobs meanwhile.</summary>
    private static async Task<List<(Guid TaskId, Guid InstanceId)>> WaitForReviewTasksAsync(NodeDatabase database, List<Guid> instances, HashSet<string> owners)
    {
        List<(Guid TaskId, Guid InstanceId)> tasks = [];
        var ready = await NodeDatabase.WaitUntilAsync(
            async () =>
            {
                var locked = await database.QueryAsync("SELECT DISTINCT lock_owner FROM engine_jobs WHERE lock_owner IS NOT NULL", r => r.GetString(0));
                owners.UnionWith(locked.Select(o => string.Join(':', o.Split(':').Take(2))));
                tasks = await database.ReviewTasksAsync(instances);
                return tasks.Count == instances.Count;
            },
            TimeSpan.FromMinutes(3),
            TimeSpan.FromMilliseconds(20));
        Assert.True(ready, $"only {tasks.Count} of {instances.Count} instances reached their review task");
        return tasks;
    }

    /// <summary>
    /// Each job element (the script, the timer) completed exactly once per instance; and no two
    /// commands advanced an instance from the same version (history sequence numbers are never written twice).
    /// </summary>
    private static async Task AssertEachJobRanOnceAsync(NodeDatabase database, List<Guid> instances)
    {
        var ids = instances.ToArray();
        var completions = await database.QueryAsync(
            "SELECT element_id, count(*) FROM engine_history WHERE type = @type AND instance_id = ANY(@ids) AND element_id = ANY(@elements) GROUP BY instance_id, element_id",
            r => (Element: r.GetString(0), Count: r.GetInt64(1)),
            ("type", ActivityCompleted), ("ids", ids), ("elements", new[] { LoadWorkflow.ScriptElement, LoadWorkflow.TimerElement }));
        Assert.Equal(2 * instances.Count, completions.Count);
        Assert.All(completions, c => Assert.Equal(1, c.Count));
        Assert.Equal(0, await database.ScalarAsync(
            "SELECT count(*) FROM (SELECT 1 FROM engine_history WHERE instance_id = ANY(@ids) GROUP BY instance_id, sequence HAVING count(*) > 1) AS twice",
            ("ids", ids)));
        Assert.Equal(0, await database.ScalarAsync("SELECT count(*) FROM engine_jobs WHERE instance_id = ANY(@ids)", ("ids", ids)));
    }
}
