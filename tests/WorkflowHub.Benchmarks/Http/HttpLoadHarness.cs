using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using WorkflowHub.Benchmarks.Hosting;
using WorkflowHub.Benchmarks.Measurement;
using WorkflowHub.Benchmarks.Sqlite;

namespace WorkflowHub.Benchmarks.Http;

/// <summary>
/// User-task completions through HTTP: the real server on a fresh SQLite file, 32 clients posting
/// <c>/api/tasks/{id}/complete</c> with bearer tokens through the whole application layer (authentication, the Mediator
/// pipeline, authorization, validation, the audit trail, the engine). Rounds as in sqlite-completions: round k completes
/// every instance's task k. The server's resident memory is sampled throughout.
/// Two runs: saturated (each client sends its next request as soon as the last one answers), which gives the most the
/// server can do; and paced (the 32 clients together offer the goal's 800 requests a second on a fixed schedule), which
/// gives the latency at that load. The latency goal cannot be judged on the saturated run: with 32 requests always in
/// flight, Little's law makes the mean latency 32 / throughput, 40 ms at 800/s. Paced latency is counted from when each
/// request was due, not when it was sent, so a server that falls behind is charged for the queue it causes.
/// </summary>
public sealed class HttpLoadHarness(string serverFolder, int instances, int steps, int clients)
{
    public const double GoalPerSecond = 800;
    public const double GoalP99Milliseconds = 25;
    public const long GoalWorkingSetBytes = 300L * 1024 * 1024;

    public static HttpLoadHarness Create(string serverFolder, bool quick) => quick
        ? new(serverFolder, instances: 1_000, steps: 2, clients: 32)
        : new(serverFolder, instances: 2_000, steps: 3, clients: 32);

    public async Task RunAsync()
    {
        Report.Heading($"http-load: {clients} clients completing user tasks through HTTP, real server process on SQLite");
        var folder = Directory.CreateTempSubdirectory("workflowhub-http-load-");
        try
        {
            await using var server = await ServerProcess.StartAsync(serverFolder, Path.Combine(folder.FullName, "workflowhub.db"),
                new Dictionary<string, string> { ["Demo:Hazards"] = "0" });
            Report.Line($"server ready in {server.TimeToReady.TotalSeconds:F2} s (fresh database); resident {Megabytes(server.WorkingSetBytes)}; pid {server.ProcessId}");
            using var admin = await ServerClient.SignInAsync(server.BaseAddress, "admin");
            await admin.DeployAsync(UserTaskChain.Process(steps, candidateGroup: "role:Admin"));

            await RunInstancesAsync(server, admin, "W", Math.Min(200, instances), sampler: null, offeredPerSecond: null);
            using var sampler = new WorkingSetSampler(() => server.WorkingSetBytes);
            var saturated = await RunInstancesAsync(server, admin, "B", instances, sampler, offeredPerSecond: null);
            Describe($"saturated, {clients} clients each sending as soon as answered", saturated);
            var paced = await RunInstancesAsync(server, admin, "P", instances, sampler, offeredPerSecond: GoalPerSecond);
            Describe($"paced, {clients} clients offering {GoalPerSecond:F0}/s together (latency from each request's due time)", paced);

            Report.Line($"server resident memory under load: peak {Megabytes(sampler.Peak)}, last {Megabytes(server.WorkingSetBytes)}");
            Report.Goal($"at least {GoalPerSecond:F0} completions/s through HTTP with {clients} clients (saturated {saturated.PerSecond:F0}/s)", saturated.PerSecond >= GoalPerSecond);
            Report.Goal($"p99 under {GoalP99Milliseconds:F0} ms at {GoalPerSecond:F0}/s offered (paced p99 {paced.Latency.At(99):F1} ms, {paced.PerSecond:F0}/s answered)",
                paced.Latency.At(99) < GoalP99Milliseconds && paced.Errors == 0);
            Report.Goal($"server working set under load below {Megabytes(GoalWorkingSetBytes)} (peak {Megabytes(sampler.Peak)})", sampler.Peak < GoalWorkingSetBytes);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Describe(string title, HttpRun run)
    {
        Report.Line($"{title}: {run.Completions} completions in {run.Elapsed.TotalSeconds:F2} s = {run.PerSecond:F0}/s; starts {run.StartsPerSecond:F0}/s; errors {run.Errors}");
        Report.Line($"  latency per completion: {run.Latency}");
        Report.Line($"  server CPU per completion: {run.CpuPerCompletion.TotalMilliseconds:F2} ms ({run.ServerCpu.TotalSeconds:F2} s user+system over the completion rounds)");
        Report.Line($"  clients' CPU per completion (this process, sharing the cores): {run.ClientCpuPerCompletion.TotalMilliseconds:F2} ms");
    }

    /// <param name="offeredPerSecond">Null for a saturated run; otherwise request i of a round is due i / rate after the round starts.</param>
    private async Task<HttpRun> RunInstancesAsync(ServerProcess server, HttpClient admin, string prefix, int count, WorkingSetSampler? sampler, double? offeredPerSecond)
    {
        var startClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            using var response = await admin.PostAsJsonAsync(new Uri("/api/instances", UriKind.Relative),
                new { definitionKey = UserTaskChain.ProcessKey, businessKey = $"{prefix}-{i}" }, ct);
            await ServerClient.EnsureSuccessAsync(response, "start instance");
        });
        var startsPerSecond = count / startClock.Elapsed.TotalSeconds;

        var latencies = new ConcurrentBag<TimeSpan>();
        var errors = 0;
        var timed = TimeSpan.Zero;
        var serverCpu = TimeSpan.Zero;
        var clientCpu = TimeSpan.Zero;
        for (var step = 1; step <= steps; step++)
        {
            var taskIds = await ActiveTaskIdsAsync(admin, count);
            sampler?.Start();
            var next = -1;
            var cpuBefore = server.ProcessorTime;
            var clientCpuBefore = ClientProcessorTime();
            var roundStarted = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < taskIds.Count)
                {
                    var due = offeredPerSecond is { } rate ? roundStarted + (long)(index * Stopwatch.Frequency / rate) : Stopwatch.GetTimestamp();
                    var early = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                    if (early > TimeSpan.Zero)
                    {
                        await Task.Delay(early);
                    }

                    // From the due time when sent late (the queue counts), from the send when a timer woke up early.
                    var started = Math.Min(due, Stopwatch.GetTimestamp());

                    using var response = await admin.PostAsJsonAsync(new Uri($"/api/tasks/{taskIds[index]}/complete", UriKind.Relative), new { });
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            })));
            timed += Stopwatch.GetElapsedTime(roundStarted);
            serverCpu += server.ProcessorTime - cpuBefore;
            clientCpu += ClientProcessorTime() - clientCpuBefore;
            sampler?.Stop();
        }

        return new HttpRun(latencies.Count, timed, errors, startsPerSecond, new Percentiles(latencies), serverCpu, clientCpu);
    }

    private static async Task<List<string>> ActiveTaskIdsAsync(HttpClient admin, int expected)
    {
        const int page = 200;
        var ids = new List<string>(expected);
        for (var skip = 0; skip < expected; skip += page)
        {
            var body = await admin.GetJsonAsync($"/api/tasks?all=true&definitionKey={UserTaskChain.ProcessKey}&take={page}&skip={skip}");
            ids.AddRange(body.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetString()!));
        }

        return ids.Count == expected
            ? ids
            : throw new InvalidOperationException($"Expected {expected} active tasks, found {ids.Count}.");
    }

    private static TimeSpan ClientProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static string Megabytes(long bytes) => $"{bytes / (1024.0 * 1024.0):F0} MB";
}

public sealed record HttpRun(int Completions, TimeSpan Elapsed, int Errors, double StartsPerSecond, Percentiles Latency, TimeSpan ServerCpu, TimeSpan ClientCpu)
{
    public double PerSecond => Completions / Elapsed.TotalSeconds;

    /// <summary>Server CPU (user + system) over the completion rounds per completion: the cost of one request end to end.</summary>
    public TimeSpan CpuPerCompletion => ServerCpu / Completions;

    /// <summary>What the load generator itself spent per completion on the same cores.</summary>
    public TimeSpan ClientCpuPerCompletion => ClientCpu / Completions;
}
