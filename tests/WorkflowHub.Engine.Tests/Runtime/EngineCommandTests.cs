using System.Text;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class EngineCommandTests
{
    [Fact]
    public async Task A_chain_of_ten_thousand_elements_runs_without_recursion()
    {
        var body = new StringBuilder("<bpmn:startEvent id=\"n0\" />");
        for (var i = 1; i < 10_000; i++)
        {
            body.Append($"<bpmn:intermediateThrowEvent id=\"n{i}\" /><bpmn:sequenceFlow id=\"f{i}\" sourceRef=\"n{i - 1}\" targetRef=\"n{i}\" />");
        }

        var h = new EngineHarness();
        await h.DeployAsync(Process(body.ToString()));
        var instance = await h.Engine.StartInstanceAsync("p");
        Assert.Equal(InstanceState.Completed, instance.State);
        Assert.Equal(10_000, instance.CompletedElementIds.Count);
    }

    [Fact]
    public async Task A_returned_instance_view_is_a_snapshot_that_later_commands_and_callers_do_not_share()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approve" />
            <bpmn:endEvent id="end" />
            {{Flow("f0", "start", "approve")}}{{Flow("f1", "approve", "end")}}
            """));
        var given = new Dictionary<string, object?> { ["grade"] = "minor" };
        var started = await h.Engine.StartInstanceAsync("p", variables: given);
        var read = await h.InstanceAsync(started.Id);

        given["grade"] = "changed by the caller";
        await h.CompleteAsync(started.Id, "approve", new Dictionary<string, object?> { ["grade"] = "major" });

        Assert.Equal("minor", started.Variables["grade"]);
        Assert.Equal("minor", read.Variables["grade"]);
        Assert.Equal(["approve"], started.ActiveElementIds);
        Assert.Equal("major", (await h.InstanceAsync(started.Id)).Variables["grade"]);
        Assert.Empty((await h.InstanceAsync(started.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Redeploying_the_same_xml_keeps_the_version_and_changed_xml_makes_a_new_one()
    {
        var h = new EngineHarness();
        var xml = Process($$"""<bpmn:startEvent id="s" /><bpmn:userTask id="a" />{{Flow("f", "s", "a")}}""");
        var first = await h.DeployAsync(xml);
        var again = await h.DeployAsync(xml);
        Assert.True(first.IsNewVersion);
        Assert.False(again.IsNewVersion);
        Assert.Equal(first.Id, again.Id);
        var running = await h.Engine.StartInstanceAsync("p");

        var second = await h.DeployAsync(xml.Replace("id=\"a\"", "id=\"a\" name=\"renamed\"").Replace("targetRef=\"a\"", "targetRef=\"a\""));
        Assert.Equal(2, second.Version);
        Assert.Equal(xml, await h.Engine.GetDefinitionXmlAsync(first.Id));
        Assert.Null((await h.Engine.GetProcessModelAsync(first.Id))!.GetNode("a").Name);
        Assert.Equal("renamed", (await h.Engine.GetProcessModelAsync(second.Id))!.GetNode("a").Name);
        Assert.Null(await h.Engine.GetProcessModelAsync("p:9:unknown"));
        Assert.Equal(1, (await h.InstanceAsync(running.Id)).DefinitionVersion);
        Assert.Equal(2, (await h.Engine.StartInstanceAsync("p")).DefinitionVersion);
        await h.CompleteAsync(running.Id, "a");
        Assert.Equal(InstanceState.Completed, (await h.InstanceAsync(running.Id)).State);
    }

    [Fact]
    public async Task A_stale_save_throws_a_concurrency_exception_and_applies_nothing()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""<bpmn:startEvent id="s" /><bpmn:userTask id="a" />{{Flow("f", "s", "a")}}"""));
        var instance = await h.Engine.StartInstanceAsync("p");

        await using var first = await h.Store.BeginAsync();
        await using var second = await h.Store.BeginAsync();
        var one = (await first.FindInstanceAsync(instance.Id))!;
        var two = (await second.FindInstanceAsync(instance.Id))!;
        one.Version++;
        first.UpdateInstance(one, one.Version - 1);
        await first.CommitAsync();
        two.Version++;
        two.BusinessKey = "lost";
        second.UpdateInstance(two, two.Version - 1);
        second.AppendHistory(new HistoryEventRecord { Id = Guid.NewGuid(), InstanceId = instance.Id, Sequence = 999 });

        await Assert.ThrowsAsync<ConcurrencyException>(() => second.CommitAsync());
        Assert.Null((await h.Store.FindInstanceAsync(instance.Id))!.BusinessKey);
        Assert.DoesNotContain(await h.Store.GetHistoryAsync(instance.Id), e => e.Sequence == 999);
    }

    [Fact]
    public async Task Concurrent_completions_of_one_instance_never_both_apply()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="s" /><bpmn:parallelGateway id="fork" /><bpmn:userTask id="a" /><bpmn:userTask id="b" />
            {{Flow("f0", "s", "fork")}}{{Flow("f1", "fork", "a")}}{{Flow("f2", "fork", "b")}}
            """));
        var outcomes = new List<bool>();
        for (var i = 0; i < 20; i++)
        {
            var instance = await h.Engine.StartInstanceAsync("p");
            var tasks = await h.TasksAsync(instance.Id);
            var results = await Task.WhenAll(tasks.Select(t => Task.Run(async () =>
            {
                try
                {
                    await h.Engine.CompleteTaskAsync(t.Id);
                    return true;
                }
                catch (ConcurrencyException)
                {
                    return false;
                }
            })));
            var completed = (await h.Store.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id, State = UserTaskState.Completed })).TotalCount;
            Assert.Equal(results.Count(r => r), completed);
            outcomes.AddRange(results);
        }

        Assert.Contains(true, outcomes);
    }

    [Fact]
    public async Task Listeners_hear_task_and_instance_events_after_commit()
    {
        var events = new List<string>();
        var h = new EngineHarness(listeners: [new Listener(events)]);
        await h.DeployAsync(Process($$"""<bpmn:startEvent id="s" /><bpmn:userTask id="a" /><bpmn:endEvent id="e" />{{Flow("f", "s", "a")}}{{Flow("g", "a", "e")}}"""));
        var instance = await h.Engine.StartInstanceAsync("p");
        await h.CompleteAsync(instance.Id, "a");
        Assert.Equal(["created:a", "completed:a", "ended:Completed"], events);
    }

    private sealed class Listener(List<string> events) : IEngineEventListener
    {
        public Task OnTaskCreatedAsync(UserTaskRecord task, CancellationToken cancellationToken)
        {
            events.Add("created:" + task.ElementId);
            return Task.CompletedTask;
        }

        public Task OnTaskCompletedAsync(UserTaskRecord task, CancellationToken cancellationToken)
        {
            events.Add("completed:" + task.ElementId);
            return Task.CompletedTask;
        }

        public Task OnInstanceEndedAsync(InstanceRecord instance, CancellationToken cancellationToken)
        {
            events.Add("ended:" + instance.State);
            return Task.CompletedTask;
        }
    }
}
