using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class AsyncAndTimerTests
{
    [Fact]
    public async Task Async_before_and_after_are_transaction_boundaries_run_as_jobs()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="a" scriptFormat="javascript" camunda:asyncBefore="true" camunda:asyncAfter="true" camunda:jobPriority="5"><bpmn:script>execution.setVariable('ran', true);</bpmn:script></bpmn:scriptTask>
            <bpmn:userTask id="b" />
            {{Flow("f0", "start", "a")}}{{Flow("f1", "a", "b")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        Assert.Equal(["a"], instance.ActiveElementIds);
        Assert.False(instance.Variables.ContainsKey("ran"));
        var job = Assert.Single(await h.Store.GetJobsByInstanceAsync(instance.Id));
        Assert.Equal(JobKind.AsyncContinuation, job.Kind);
        Assert.Equal(5, job.Priority);

        Assert.Equal(1, await h.Engine.ExecuteDueJobsAsync("n1"));
        var middle = await h.InstanceAsync(instance.Id);
        Assert.Equal(true, middle.Variables["ran"]);
        Assert.Equal(["a"], middle.ActiveElementIds);

        Assert.Equal(1, await h.Engine.ExecuteDueJobsAsync("n1"));
        Assert.Equal(["b"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Acquired_jobs_are_locked_against_other_nodes_until_the_lock_expires()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="b" camunda:asyncBefore="true" />
            {{Flow("f0", "start", "b")}}
            """));
        await h.Engine.StartInstanceAsync("p");
        var first = await h.Store.AcquireDueJobsAsync("node-a", h.Clock.GetUtcNow(), TimeSpan.FromMinutes(5), 10);
        Assert.Single(first);
        Assert.Empty(await h.Store.AcquireDueJobsAsync("node-b", h.Clock.GetUtcNow(), TimeSpan.FromMinutes(5), 10));
        Assert.Single(await h.Store.AcquireDueJobsAsync("node-b", h.Clock.GetUtcNow().AddMinutes(6), TimeSpan.FromMinutes(5), 10));
    }

    [Theory]
    [InlineData("<bpmn:timeDuration>PT30M</bpmn:timeDuration>", 30)]
    [InlineData("<bpmn:timeDate>2026-01-05T09:00:00Z</bpmn:timeDate>", 60)]
    [InlineData("<bpmn:timeDuration>${wait}</bpmn:timeDuration>", 45)]
    public async Task Timer_catch_event_waits_until_due(string timer, int minutes)
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition>{{timer}}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="after" />
            {{Flow("f0", "start", "wait")}}{{Flow("f1", "wait", "after")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["wait"] = "PT45M" });
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromMinutes(minutes - 1)));
        Assert.Equal(["wait"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(["after"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Timer_start_event_starts_instances_on_schedule_and_a_new_version_replaces_the_schedule()
    {
        var h = new EngineHarness();
        string Definition(string task) => Process($$"""
            <bpmn:startEvent id="daily"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:userTask id="{{task}}" />
            {{Flow("f0", "daily", task)}}
            """, id: "sweep");
        await h.DeployAsync(Definition("check"));
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromHours(23)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromHours(1)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.Equal(2, (await h.Store.QueryInstancesAsync(new InstanceQuery { DefinitionKey = "sweep" })).TotalCount);

        var v2 = await h.DeployAsync(Definition("check2"));
        Assert.Equal(2, v2.Version);
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        var instances = (await h.Store.QueryInstancesAsync(new InstanceQuery { DefinitionKey = "sweep" })).Items;
        Assert.Equal(3, instances.Count);
        Assert.Single(instances, i => i.DefinitionVersion == 2);
    }

    [Fact]
    public async Task A_timer_missed_while_down_fires_once()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="daily"><bpmn:timerEventDefinition><bpmn:timeCycle>R/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
            <bpmn:endEvent id="e" />
            {{Flow("f0", "daily", "e")}}
            """, id: "hourly"));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromHours(10)));
        Assert.Equal(1, (await h.Store.QueryInstancesAsync(new InstanceQuery { DefinitionKey = "hourly" })).TotalCount);
    }
}
