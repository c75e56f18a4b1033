using System.Diagnostics;
using System.Globalization;
using System.Net;
using WorkflowHub.Benchmarks.Measurement;
using WorkflowHub.Testing.MultiNode;
using WorkflowHub.Testing.PostgreSql;

namespace WorkflowHub.Benchmarks.MultiNode;

/// <summary>
/// User-task completions per second through HTTP with 1, 2 and 3 server nodes on one PostgreSQL database (a throwaway
/// server started like the tests' fixture, or WORKFLOWHUB_TEST_POSTGRES). For each node count: a fresh database, the
/// nodes started from the server build in <c>--server=FOLDER</c>, <see cref="Instances"/> instances of a one-task
/// workflow started, then every task completed by <see cref="Clients"/> concurrent clients spread evenly over the nodes.
/// The figure is tasks completed divided by the wall time of that completion phase.
/// </summary>
public sealed class MultiNodeHarness(string serverFolder, int instances)
{
    public const int Clients = 32;

    private const string ChainXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="multinode-bench" targetNamespace="http://workflowhub.example/multinode">
          <bpmn:process id="multinode-review" name="多节点复核" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:userTask id="Task_Review" name="复核" camunda:assignee="admin" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_Review" />
            <bpmn:sequenceFlow id="f2" sourceRef="Task_Review" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public int Instances { get; } = instances;

    public static MultiNodeHarness Create(string serverFolder, bool quick) => new(serverFolder, quick ? 600 : 3000);

    public async Task RunAsync()
    {
        if (!File.Exists(Path.Combine(serverFolder, "WorkflowHub.Server.dll")))
        {
            throw new InvalidOperationException($"No WorkflowHub.Server.dll in {serverFolder}: publish the server there first (dotnet publish src/WorkflowHub.Server -c Release -o {serverFolder}).");
        }

        if (PostgreSqlCluster.SkipReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        Report.Heading($"multinode: user-task completions/s over HTTP, {Clients} clients, {Instances} tasks, nodes on one PostgreSQL database");
        var cluster = await PostgreSqlCluster.GetAsync();
        var results = new List<(int Nodes, double PerSecond)>();
        foreach (var nodeCount in new[] { 1, 2, 3 })
        {
            var connectionString = await cluster.CreateDatabaseAsync();
            try
            {
                var perSecond = await MeasureAsync(connectionString, nodeCount);
                results.Add((nodeCount, perSecond));
                Report.Line(string.Create(CultureInfo.InvariantCulture, $"{nodeCount} node(s): {perSecond,8:F0} completions/s"));
            }
            finally
            {
                await cluster.DropDatabaseAsync(connectionString);
            }
        }

        var single = results[0].PerSecond;
        Report.Line(string.Join("; ", results.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Nodes} node(s) {r.PerSecond / single:F2}x"))));
        Report.Line($"finished: {MachineLoad.Describe()}");
    }

    private async Task<double> MeasureAsync(string connectionString, int nodeCount)
    {
        var nodes = new List<ServerNode>();
        try
        {
            // The job executor has nothing to do here; the first node migrates before the others start.
            var settings = new Dictionary<string, string> { ["Engine:JobExecutor:PollInterval"] = "00:00:01" };
            nodes.Add(await ServerNode.StartAsync("node-1", connectionString, settings, serverFolder: serverFolder));
            nodes.AddRange(await Task.WhenAll(Enumerable.Range(2, nodeCount - 1)
                .Select(n => ServerNode.StartAsync($"node-{n}", connectionString, settings, serverFolder: serverFolder))));
            await DeployAsync(nodes[0].Client);

            await ForEachConcurrentlyAsync(Enumerable.Range(0, Instances).ToList(), async (i, worker) =>
                await StartAsync(nodes[worker % nodes.Count].Client, $"bench-{i.ToString(CultureInfo.InvariantCulture)}"));
            var database = new NodeDatabase(connectionString);
            // Only this workflow's tasks: the campaign process started at start-up has open tasks of its own.
            var tasks = await database.QueryAsync("SELECT id FROM engine_tasks WHERE state = 0 AND definition_key = 'multinode-review'", r => r.GetGuid(0));
            if (tasks.Count != Instances)
            {
                throw new InvalidOperationException($"{tasks.Count} open tasks, expected {Instances}.");
            }

            var clock = Stopwatch.StartNew();
            await ForEachConcurrentlyAsync(tasks, async (taskId, worker) =>
            {
                var status = await LoadWorkflow.CompleteAsync(nodes[worker % nodes.Count].Client, taskId);
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Completing {taskId} answered {(int)status}.");
                }
            });
            clock.Stop();
            return tasks.Count / clock.Elapsed.TotalSeconds;
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    private static async Task DeployAsync(HttpClient admin)
    {
        using var content = new StringContent(ChainXml, System.Text.Encoding.UTF8, "application/xml");
        using var response = await admin.PostAsync(new Uri("/api/definitions", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
    }

    private static async Task StartAsync(HttpClient client, string businessKey)
    {
        using var response = await client.PostAsync(
            new Uri("/api/instances", UriKind.Relative),
            System.Net.Http.Json.JsonContent.Create(new { definitionKey = "multinode-review", businessKey }));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Runs <paramref name="action"/> over the items with <see cref="Clients"/> workers; worker w always talks to node w mod n.</summary>
    private static Task ForEachConcurrentlyAsync<T>(IReadOnlyList<T> items, Func<T, int, Task> action)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Clients).Select(async worker =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < items.Count)
            {
                await action(items[index], worker);
            }
        }));
    }
}
