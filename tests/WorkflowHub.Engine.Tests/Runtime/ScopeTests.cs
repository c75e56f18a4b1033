using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class ScopeTests
{
    [Fact]
    public async Task Error_end_event_in_a_sub_process_is_caught_by_its_boundary_and_cancels_siblings()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:parallelGateway id="fork" />
              <bpmn:userTask id="inspect" />
              <bpmn:userTask id="decide" />
              <bpmn:exclusiveGateway id="ok" default="good" />
              <bpmn:endEvent id="bad"><bpmn:errorEventDefinition errorRef="e" /></bpmn:endEvent>
              <bpmn:endEvent id="subEnd" /><bpmn:endEvent id="subEnd2" />
              {Flow("s0", "subStart", "fork")}{Flow("s1", "fork", "inspect")}{Flow("s2", "fork", "decide")}
              {Flow("s3", "decide", "ok")}{Flow("s4", "ok", "bad", "${failed}")}{Flow("good", "ok", "subEnd")}{Flow("s5", "inspect", "subEnd2")}
            </bpmn:subProcess>
            <bpmn:boundaryEvent id="caught" attachedToRef="sub"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
            <bpmn:userTask id="after" /><bpmn:userTask id="recover" />
            {Flow("f0", "start", "sub")}{Flow("f1", "sub", "after")}{Flow("f2", "caught", "recover")}
            """, extraDefinitions: """<bpmn:error id="e" errorCode="FAILED" />"""));
        var instance = await h.Engine.StartInstanceAsync("p");
        Assert.Equal(["decide", "inspect", "sub"], instance.ActiveElementIds.Order());

        await h.CompleteAsync(instance.Id, "decide", new Dictionary<string, object?> { ["failed"] = true });

        var view = await h.InstanceAsync(instance.Id);
        Assert.Equal(["recover"], view.ActiveElementIds);
        Assert.Single(await h.TasksAsync(instance.Id));
    }

    [Fact]
    public async Task Sub_process_variables_are_local_and_the_scope_completes_when_its_tokens_end()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="subStart" />
              <bpmn:scriptTask id="calc" scriptFormat="javascript"><bpmn:script>execution.setVariable('total', base * 2);</bpmn:script></bpmn:scriptTask>
              <bpmn:endEvent id="subEnd" />
              {Flow("s0", "subStart", "calc")}{Flow("s1", "calc", "subEnd")}
            </bpmn:subProcess>
            <bpmn:userTask id="after" />
            {Flow("f0", "start", "sub")}{Flow("f1", "sub", "after")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["base"] = 21 });
        Assert.Equal(["after"], instance.ActiveElementIds);
        Assert.Equal(42L, instance.Variables["total"]);
    }

    [Fact]
    public async Task Interrupting_message_event_sub_process_cancels_the_main_flow()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="work" />
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "work")}{Flow("f1", "work", "end")}
            <bpmn:subProcess id="onCancel" triggeredByEvent="true">
              <bpmn:startEvent id="cancelStart"><bpmn:messageEventDefinition messageRef="m" /></bpmn:startEvent>
              <bpmn:userTask id="cleanup" />
              <bpmn:endEvent id="cancelEnd" />
              {Flow("e0", "cancelStart", "cleanup")}{Flow("e1", "cleanup", "cancelEnd")}
            </bpmn:subProcess>
            """, extraDefinitions: """<bpmn:message id="m" name="CancelRequested" />"""));
        var instance = await h.Engine.StartInstanceAsync("p", "X");

        await h.Engine.CorrelateMessageAsync("CancelRequested", "X");
        Assert.Equal(["cleanup", "onCancel"], (await h.InstanceAsync(instance.Id)).ActiveElementIds.Order());

        await h.CompleteAsync(instance.Id, "cleanup");
        Assert.Equal(InstanceState.Completed, (await h.InstanceAsync(instance.Id)).State);
    }

    [Fact]
    public async Task Non_interrupting_timer_event_sub_process_runs_beside_the_main_flow()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="work" />
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "work")}{Flow("f1", "work", "end")}
            <bpmn:subProcess id="reminder" triggeredByEvent="true">
              <bpmn:startEvent id="remindStart" isInterrupting="false"><bpmn:timerEventDefinition><bpmn:timeCycle>R2/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
              <bpmn:userTask id="remind" />
              <bpmn:endEvent id="remindEnd" />
              {Flow("e0", "remindStart", "remind")}{Flow("e1", "remind", "remindEnd")}
            </bpmn:subProcess>
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        await h.AdvanceAsync(TimeSpan.FromHours(1));
        await h.AdvanceAsync(TimeSpan.FromHours(1));
        await h.AdvanceAsync(TimeSpan.FromHours(1));

        var tasks = await h.TasksAsync(instance.Id);
        Assert.Equal(2, tasks.Count(t => t.ElementId == "remind"));
        Assert.Single(tasks, t => t.ElementId == "work");
        foreach (var task in tasks)
        {
            await h.Engine.CompleteTaskAsync(task.Id);
        }

        Assert.Equal(InstanceState.Completed, (await h.InstanceAsync(instance.Id)).State);
    }

    [Fact]
    public async Task Error_event_sub_process_catches_an_error_thrown_in_its_scope()
    {
        var h = new EngineHarness([new DelegateTaskHandler("pay", _ => ExternalTaskResult.BpmnError("NO_FUNDS"))]);
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:serviceTask id="pay" camunda:type="external" camunda:topic="pay" />
            <bpmn:endEvent id="end" />
            {Flow("f0", "start", "pay")}{Flow("f1", "pay", "end")}
            <bpmn:subProcess id="onError" triggeredByEvent="true">
              <bpmn:startEvent id="errStart"><bpmn:errorEventDefinition errorRef="e" /></bpmn:startEvent>
              <bpmn:userTask id="fund" />
              {Flow("e0", "errStart", "fund")}
            </bpmn:subProcess>
            """, extraDefinitions: """<bpmn:error id="e" errorCode="NO_FUNDS" />"""));
        var instance = await h.Engine.StartInstanceAsync("p");
        await h.RunJobsAsync();
        Assert.Equal(["fund", "onError"], (await h.InstanceAsync(instance.Id)).ActiveElementIds.Order());
    }

    [Fact]
    public async Task Terminate_end_event_ends_every_token_of_the_instance()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="a" /><bpmn:userTask id="b" />
            <bpmn:endEvent id="kill"><bpmn:terminateEventDefinition /></bpmn:endEvent>
            {Flow("f0", "start", "fork")}{Flow("f1", "fork", "a")}{Flow("f2", "fork", "b")}{Flow("f3", "a", "kill")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        var b = await h.SingleTaskAsync(instance.Id, "b");
        await h.CompleteAsync(instance.Id, "a");

        var view = await h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceState.Terminated, view.State);
        Assert.Empty(view.ActiveElementIds);
        Assert.Equal(UserTaskState.Cancelled, (await h.Store.FindTaskAsync(b.Id))!.State);
    }

    [Fact]
    public async Task Cancel_instance_cancels_tasks_jobs_and_subscriptions()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="a" />
            <bpmn:boundaryEvent id="t" attachedToRef="a"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />
            {Flow("f0", "start", "a")}{Flow("f1", "a", "e1")}{Flow("f2", "t", "e2")}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        await h.Engine.CancelInstanceAsync(instance.Id, "admin");
        var view = await h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceState.Cancelled, view.State);
        Assert.Empty(await h.TasksAsync(instance.Id));
        Assert.Empty(await h.Store.GetJobsByInstanceAsync(instance.Id));
        await Assert.ThrowsAsync<InvalidCommandException>(() => h.Engine.CancelInstanceAsync(instance.Id));
    }
}
