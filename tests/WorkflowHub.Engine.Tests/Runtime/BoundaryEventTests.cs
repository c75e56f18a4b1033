using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class BoundaryEventTests
{
    [Fact]
    public async Task Interrupting_timer_cancels_the_task_and_takes_the_boundary_path()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="rectify" camunda:dueDate="P7D" />
            <bpmn:boundaryEvent id="late" attachedToRef="rectify"><bpmn:timerEventDefinition><bpmn:timeDuration>P7D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="supervise" /><bpmn:endEvent id="end" />
            {Flow("f0", "start", "rectify")}{Flow("f1", "rectify", "end")}{Flow("f2", "late", "supervise")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        var task = await h.SingleTaskAsync(instance.Id, "rectify");
        Assert.Single((await h.Store.QueryTasksAsync(new TaskQuery { DueBefore = h.Clock.GetUtcNow().AddDays(8) })).Items);

        await h.AdvanceAsync(TimeSpan.FromDays(7));

        Assert.Equal(["supervise"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
        Assert.Equal(UserTaskState.Cancelled, (await h.Store.FindTaskAsync(task.Id))!.State);
        await Assert.ThrowsAsync<TaskAlreadyCompletedException>(() => h.Engine.CompleteTaskAsync(task.Id));
    }

    [Fact]
    public async Task Non_interrupting_cycle_timer_repeats_while_the_task_is_active_and_stops_after_it()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="rectify" />
            <bpmn:boundaryEvent id="daily" attachedToRef="rectify" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R/P1D</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:intermediateThrowEvent id="reminded" />
            <bpmn:endEvent id="end" /><bpmn:endEvent id="reminderEnd" />
            {Flow("f0", "start", "rectify")}{Flow("f1", "rectify", "end")}{Flow("f2", "daily", "reminded")}{Flow("f3", "reminded", "reminderEnd")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");

        for (var day = 0; day < 3; day++)
        {
            Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        }

        var history = await h.Store.GetHistoryAsync(instance.Id);
        Assert.Equal(3, history.Count(e => e.Type == HistoryEventType.Milestone && e.ElementId == "reminded"));
        Assert.Equal(["rectify"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);

        await h.CompleteAsync(instance.Id, "rectify");
        Assert.Equal(InstanceState.Completed, (await h.InstanceAsync(instance.Id)).State);
        Assert.Empty(await h.Store.GetJobsByInstanceAsync(instance.Id));
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(2)));
    }

    [Fact]
    public async Task Bounded_cycle_R3_fires_three_times()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="rectify" />
            <bpmn:boundaryEvent id="remind" attachedToRef="rectify" cancelActivity="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R3/PT10M</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" /><bpmn:endEvent id="remindEnd" />
            {Flow("f0", "start", "rectify")}{Flow("f1", "rectify", "end")}{Flow("f2", "remind", "remindEnd")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        var fired = 0;
        for (var i = 0; i < 5; i++)
        {
            fired += await h.AdvanceAsync(TimeSpan.FromMinutes(10));
        }

        Assert.Equal(3, fired);
        Assert.Equal(["rectify"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Message_boundary_interrupts_the_activity()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="work" />
            <bpmn:boundaryEvent id="withdrawn" attachedToRef="work"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="end" /><bpmn:endEvent id="cancelled" />
            {Flow("f0", "start", "work")}{Flow("f1", "work", "end")}{Flow("f2", "withdrawn", "cancelled")}
            """, extraDefinitions: """<bpmn:message id="m" name="Withdraw" />"""));
        var instance = await h.Engine.StartInstanceAsync("p", "K");
        Assert.Single(await h.Engine.CorrelateMessageAsync("Withdraw", "K"));
        var view = await h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceState.Completed, view.State);
        Assert.Contains("cancelled", view.CompletedElementIds);
        Assert.DoesNotContain("work", view.CompletedElementIds);
    }
}
