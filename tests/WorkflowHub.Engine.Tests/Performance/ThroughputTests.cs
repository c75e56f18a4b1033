using System.Diagnostics;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using Xunit.Abstractions;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Performance;

/// <summary>A floor, not a benchmark: catches a command that suddenly costs milliseconds (BenchmarkDotNet measures the real numbers).</summary>
public class ThroughputTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Start_and_complete_user_tasks_in_memory_stays_fast()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="a" camunda:assignee="${owner}" />
            <bpmn:exclusiveGateway id="gw" default="f3" />
            <bpmn:userTask id="b" />
            <bpmn:endEvent id="e" />
            {{Flow("f0", "s", "a")}}{{Flow("f1", "a", "gw")}}{{Flow("f2", "gw", "b", "${approved}")}}{{Flow("f3", "gw", "e")}}{{Flow("f4", "b", "e")}}
            """));
        const int count = 2000;
        var ids = new List<Guid>(count);
        var vars = new Dictionary<string, object?> { ["owner"] = "li" };
        var done = new Dictionary<string, object?> { ["approved"] = false };
        for (var i = 0; i < 50; i++)
        {
            var warm = await h.Engine.StartInstanceAsync("p", null, vars);
            await h.CompleteAsync(warm.Id, "a", done);
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            ids.Add((await h.Engine.StartInstanceAsync("p", "k" + i, vars)).Id);
        }

        var started = watch.Elapsed;
        var tasks = (await h.Store.QueryTasksAsync(new TaskQuery { ElementId = "a", Take = count * 2 })).Items;
        watch.Restart();
        foreach (var task in tasks)
        {
            await h.Engine.CompleteTaskAsync(task.Id, done);
        }

        var completed = watch.Elapsed;
        output.WriteLine($"starts/s: {count / started.TotalSeconds:F0}, completions/s: {tasks.Count / completed.TotalSeconds:F0}");
        Assert.Equal(count, tasks.Count);
        Assert.True(tasks.Count / completed.TotalSeconds > 100, $"completions/s {tasks.Count / completed.TotalSeconds:F0}");
    }
}
