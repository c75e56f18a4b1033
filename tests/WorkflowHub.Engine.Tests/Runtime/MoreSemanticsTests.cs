using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class MoreSemanticsTests
{
    [Fact]
    public async Task Non_interrupting_message_boundary_spawns_a_path_each_time_while_the_task_stays()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="s" />
            <bpmn:userTask id="work" />
            <bpmn:boundaryEvent id="question" attachedToRef="work" cancelActivity="false"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>
            <bpmn:userTask id="answer" />
            <bpmn:endEvent id="e" />
            {{Flow("f0", "s", "work")}}{{Flow("f1", "work", "e")}}{{Flow("f2", "question", "answer")}}
            """, extraDefinitions: """<bpmn:message id="m" name="Question" />"""));
        var instance = await h.Engine.StartInstanceAsync("p", "Q");
        await h.Engine.CorrelateMessageAsync("Question", "Q");
        await h.Engine.CorrelateMessageAsync("Question", "Q");
        var tasks = await h.TasksAsync(instance.Id);
        Assert.Equal(2, tasks.Count(t => t.ElementId == "answer"));
        Assert.Single(tasks, t => t.ElementId == "work");

        await h.CompleteAsync(instance.Id, "work");
        Assert.Empty(await h.Engine.CorrelateMessageAsync("Question", "Q"));
    }

    [Fact]
    public async Task Event_sub_process_inside_a_sub_process_interrupts_only_that_scope()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="s" />
            <bpmn:parallelGateway id="fork" />
            <bpmn:userTask id="outside" />
            <bpmn:subProcess id="sub">
              <bpmn:startEvent id="ss" /><bpmn:userTask id="inside" /><bpmn:endEvent id="se" />
              {{Flow("a0", "ss", "inside")}}{{Flow("a1", "inside", "se")}}
              <bpmn:subProcess id="timeout" triggeredByEvent="true">
                <bpmn:startEvent id="ts"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>
                <bpmn:endEvent id="te" />
                {{Flow("t0", "ts", "te")}}
              </bpmn:subProcess>
            </bpmn:subProcess>
            <bpmn:userTask id="afterSub" />
            {{Flow("f0", "s", "fork")}}{{Flow("f1", "fork", "outside")}}{{Flow("f2", "fork", "sub")}}{{Flow("f3", "sub", "afterSub")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromHours(1)));
        Assert.Equal(["afterSub", "outside"], (await h.InstanceAsync(instance.Id)).ActiveElementIds.Order());
    }

    [Fact]
    public async Task Validate_reports_without_storing_and_assign_delegates_a_task()
    {
        var h = new EngineHarness();
        var (errors, _) = h.Engine.Validate(Process("<bpmn:task id=\"t\" />"));
        Assert.Contains(errors, e => e.ElementId == "t");
        Assert.Empty(await h.Store.ListDefinitionsAsync());

        await h.DeployAsync(Process($$"""<bpmn:startEvent id="s" /><bpmn:userTask id="a" camunda:assignee="li" />{{Flow("f", "s", "a")}}"""));
        var instance = await h.Engine.StartInstanceAsync("p");
        var task = await h.SingleTaskAsync(instance.Id, "a");
        await h.Engine.AssignTaskAsync(task.Id, "wang", "supervisor");
        Assert.Equal("wang", (await h.Store.FindTaskAsync(task.Id))!.Assignee);
        Assert.Contains(await h.Store.GetHistoryAsync(instance.Id), e => e.Type == HistoryEventType.TaskClaimed && e.UserId == "supervisor");
    }
}
