using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class MultiInstanceTests
{
    [Fact]
    public async Task Parallel_multi_instance_creates_one_task_per_item_with_loop_variables()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="file" camunda:assignee="${district}">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${districts}" camunda:elementVariable="district" />
            </bpmn:userTask>
            <bpmn:userTask id="summary" />
            {{Flow("f0", "start", "file")}}{{Flow("f1", "file", "summary")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["districts"] = new[] { "east", "west", "north" } });
        var tasks = await h.TasksAsync(instance.Id);
        Assert.Equal(["east", "north", "west"], tasks.Select(t => t.Assignee).Order());

        await h.Engine.CompleteTaskAsync(tasks[0].Id);
        await h.Engine.CompleteTaskAsync(tasks[1].Id);
        Assert.Equal(["file"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
        await h.Engine.CompleteTaskAsync(tasks[2].Id);
        Assert.Equal(["summary"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Completion_condition_sees_the_counters_and_cancels_the_remaining_instances()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="vote">
              <bpmn:multiInstanceLoopCharacteristics>
                <bpmn:loopCardinality>5</bpmn:loopCardinality>
                <bpmn:completionCondition>${nrOfCompletedInstances / nrOfInstances >= 0.6}</bpmn:completionCondition>
              </bpmn:multiInstanceLoopCharacteristics>
            </bpmn:userTask>
            <bpmn:userTask id="after" />
            {{Flow("f0", "start", "vote")}}{{Flow("f1", "vote", "after")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        var tasks = await h.TasksAsync(instance.Id);
        Assert.Equal(5, tasks.Count);
        for (var i = 0; i < 3; i++)
        {
            await h.Engine.CompleteTaskAsync(tasks[i].Id);
        }

        Assert.Equal(["after"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
        Assert.Equal(UserTaskState.Cancelled, (await h.Store.FindTaskAsync(tasks[4].Id))!.State);
    }

    [Fact]
    public async Task Sequential_multi_instance_runs_one_at_a_time_with_loop_counter()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="collect" scriptFormat="javascript">
              <bpmn:multiInstanceLoopCharacteristics isSequential="true" camunda:collection="items" camunda:elementVariable="item" />
              <bpmn:script>execution.setVariable('seen', (execution.getVariable('seen') || '') + loopCounter + item + nrOfInstances + ';');</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:userTask id="after" />
            {{Flow("f0", "start", "collect")}}{{Flow("f1", "collect", "after")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["items"] = new[] { "a", "b", "c" }, ["seen"] = "" });
        Assert.Equal("0a3;1b3;2c3;", instance.Variables["seen"]);
        Assert.Equal(["after"], instance.ActiveElementIds);
    }

    [Fact]
    public async Task Multi_instance_sub_process_gives_each_instance_its_own_scope()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="area">
              <bpmn:multiInstanceLoopCharacteristics camunda:collection="${areas}" camunda:elementVariable="area" />
              <bpmn:startEvent id="s" /><bpmn:userTask id="inspect" camunda:candidateGroups="${area}" /><bpmn:endEvent id="e" />
              {{Flow("a0", "s", "inspect")}}{{Flow("a1", "inspect", "e")}}
            </bpmn:subProcess>
            <bpmn:endEvent id="end" />
            {{Flow("f0", "start", "area")}}{{Flow("f1", "area", "end")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["areas"] = new[] { "fire", "gas" } });
        var tasks = await h.TasksAsync(instance.Id);
        Assert.Equal(["fire", "gas"], tasks.SelectMany(t => t.CandidateGroups).Order());
        foreach (var task in tasks)
        {
            await h.Engine.CompleteTaskAsync(task.Id);
        }

        Assert.Equal(InstanceState.Completed, (await h.InstanceAsync(instance.Id)).State);
    }
}
