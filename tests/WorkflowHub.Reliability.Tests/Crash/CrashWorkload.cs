using System.Collections.Concurrent;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Reliability.Tests.Harness;
using WorkflowHub.Reliability.Tests.Invariants;

namespace WorkflowHub.Reliability.Tests.Crash;

/// <summary>
/// Concurrent users working the server over HTTP until stopped: the committee office reports hazards and starts probe
/// instances, the fire department grades and accepts, the enterprise plans and rectifies, the office works the probe
/// tasks and major acceptances (two workers, so they race each other). Each 2xx answer goes into <see cref="Acknowledged"/>;
/// anything else (refused, killed mid-request, not yet restarted) is counted and tried again later.
/// </summary>
public sealed class CrashWorkload(ServerHost host, HttpClient client, string password, int seed)
{
    public const string Area = "fire-safety";
    public const string District = "district-acheng";
    public const string Enterprise = "enterprise-demo-chem";

    private readonly ConcurrentDictionary<string, int> _outcomes = new();

    public AcknowledgedWork Acknowledged { get; } = new();

    /// <summary>"action status" → how often, e.g. "complete 409" or "report unreachable".</summary>
    public IReadOnlyDictionary<string, int> Outcomes => _outcomes;

    public Task RunAsync(CancellationToken stop)
    {
        var office = User("office");
        var workers = new[]
        {
            ReportHazardsAsync(office, new Random(seed + 1), stop),
            StartProbesAsync(User("office"), new Random(seed + 2), stop),
            WorkTasksAsync(User("fire-officer"), HazardWorkflow.ProcessKey, new Random(seed + 3), stop),
            WorkTasksAsync(User("enterprise-demo"), HazardWorkflow.ProcessKey, new Random(seed + 4), stop),
            WorkTasksAsync(User("office"), HazardWorkflow.ProcessKey, new Random(seed + 5), stop),
            WorkTasksAsync(User("office"), ProbeWorkflow.Key, new Random(seed + 6), stop),
            WorkTasksAsync(User("office"), ProbeWorkflow.Key, new Random(seed + 7), stop),
        };
        return Task.WhenAll(workers);
    }

    /// <summary>Deploys the probe workflow (before the kills start).</summary>
    public async Task DeployProbeAsync()
    {
        var answer = await User("admin").PostXmlAsync("/api/definitions", ProbeWorkflow.Xml);
        if (answer is not { IsSuccess: true })
        {
            throw new InvalidOperationException($"Deploying the probe workflow failed: {(int?)answer?.Status} {answer?.Body}");
        }
    }

    private ApiUser User(string name) => new(host, client, name, password);

    private async Task ReportHazardsAsync(ApiUser office, Random random, CancellationToken stop)
    {
        var number = 0;
        while (!stop.IsCancellationRequested)
        {
            number++;
            var answer = await office.PostJsonAsync("/api/hazards", new
            {
                title = $"崩溃测试隐患 {seed}-{number}",
                description = "消防通道堵塞，需立即清理。",
                areaCode = Area,
                districtCode = District,
                enterpriseUnitCode = Enterprise,
                source = "Inspection",
                foundAt = DateTimeOffset.UtcNow.AddDays(-1),
                location = "仓库一层",
            });
            if (Count("report", answer))
            {
                var hazard = answer!.Json;
                Acknowledged.HazardReported(hazard.GetProperty("id").GetGuid(), hazard.GetProperty("instanceId").GetGuid());
            }

            await PauseAsync(random, 40, 160, stop);
        }
    }

    private async Task StartProbesAsync(ApiUser office, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var answer = await office.PostJsonAsync("/api/instances", new { definitionKey = ProbeWorkflow.Key });
            if (Count("start", answer))
            {
                Acknowledged.InstanceStarted(answer!.Json.GetProperty("id").GetGuid());
            }

            await PauseAsync(random, 40, 160, stop);
        }
    }

    /// <summary>Picks one of the user's open tasks at random, sometimes claims it first, and completes it.</summary>
    private async Task WorkTasksAsync(ApiUser user, string definitionKey, Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var list = await user.GetAsync($"/api/tasks?definitionKey={definitionKey}&take=50");
            var tasks = list is { IsSuccess: true } ? list.Json.GetProperty("items").EnumerateArray().ToList() : [];
            if (tasks.Count == 0)
            {
                await PauseAsync(random, 100, 300, stop);
                continue;
            }

            var task = tasks[random.Next(tasks.Count)];
            var id = task.GetProperty("id").GetGuid();
            var elementId = task.GetProperty("elementId").GetString()!;
            if (random.Next(2) == 0)
            {
                var claimed = await user.PostJsonAsync($"/api/tasks/{id}/claim", new { });
                if (Count("claim", claimed))
                {
                    Acknowledged.TaskClaimed(id, user.UserName);
                }
            }

            var completed = await user.PostJsonAsync($"/api/tasks/{id}/complete", new { variables = VariablesFor(elementId, random) });
            if (Count("complete", completed))
            {
                Acknowledged.TaskCompleted(id, user.UserName);
            }

            await PauseAsync(random, 20, 120, stop);
        }
    }

    /// <summary>What each form asks for; most hazards are general, some major, every acceptance passes.</summary>
    private static object VariablesFor(string elementId, Random random) => elementId switch
    {
        HazardWorkflow.Elements.GradeHazard => random.Next(4) == 0
            ? new { grade = "major", gradingReason = "对照重大事故隐患判定标准，属重大隐患" }
            : new { grade = "general", gradingReason = "对照判定标准，属一般隐患" },
        HazardWorkflow.Elements.SubmitPlan => new
        {
            responsiblePerson = "张安全",
            measures = "立即停止相关作业，更换损坏设施并组织复查验收。",
            funds = 3.5,
            timeLimit = DateTimeOffset.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            contingencyPlan = "整改完成前设置警戒区域，安排专人巡查值守。",
        },
        HazardWorkflow.Elements.Rectify => new
        {
            rectificationSummary = "已按整改方案完成整改，整改前后照片已上传。",
            evidenceCount = 1,
            rectifiedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        },
        HazardWorkflow.Elements.AcceptGeneral or HazardWorkflow.Elements.AcceptMajor => new { accepted = true, acceptanceComment = "经现场复查，整改到位，同意销号。" },
        _ => new { outcome = "done" },
    };

    /// <summary>Counts the outcome; true for an acknowledgement (2xx).</summary>
    private bool Count(string action, ApiAnswer? answer)
    {

        var outcome = answer is null ? "unreachable" : ((int)answer.Status).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _outcomes.AddOrUpdate($"{action} {outcome}", 1, (_, n) => n + 1);
        return answer is { IsSuccess: true };
    }

    private static async Task PauseAsync(Random random, int minMilliseconds, int maxMilliseconds, CancellationToken stop)
    {
        try
        {
            await Task.Delay(random.Next(minMilliseconds, maxMilliseconds), stop);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>The outcomes as one line per action, for the test log.</summary>
    public string DescribeOutcomes() =>
        string.Join(Environment.NewLine, _outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"  {o.Key}: {o.Value}"));
}
