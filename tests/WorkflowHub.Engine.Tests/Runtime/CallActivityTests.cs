using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class CallActivityTests
{
    private static readonly string Child = Process($$"""
        <bpmn:startEvent id="cs" />
        <bpmn:userTask id="interview" />
        <bpmn:exclusiveGateway id="gw" default="ok" />
        <bpmn:endEvent id="fail"><bpmn:errorEventDefinition errorRef="e" /></bpmn:endEvent>
        <bpmn:endEvent id="done" />
        {{Flow("c0", "cs", "interview")}}{{Flow("c1", "interview", "gw")}}{{Flow("c2", "gw", "fail", "${refused}")}}{{Flow("ok", "gw", "done")}}
        """, id: "interview", extraDefinitions: """<bpmn:error id="e" errorCode="REFUSED" />""");

    private static readonly string Parent = Process($$"""
        <bpmn:startEvent id="start" />
        <bpmn:callActivity id="call" calledElement="interview">
          <bpmn:extensionElements>
            <camunda:in businessKey="${'INT-' + hazard}" />
            <camunda:in source="hazard" target="subject" />
            <camunda:in sourceExpression="${level + 1}" target="severity" />
            <camunda:out source="outcome" target="interviewOutcome" />
          </bpmn:extensionElements>
        </bpmn:callActivity>
        <bpmn:boundaryEvent id="refused" attachedToRef="call"><bpmn:errorEventDefinition errorRef="e" /></bpmn:boundaryEvent>
        <bpmn:userTask id="after" /><bpmn:userTask id="refer" />
        {{Flow("f0", "start", "call")}}{{Flow("f1", "call", "after")}}{{Flow("f2", "refused", "refer")}}
        """, id: "parent", extraDefinitions: """<bpmn:error id="e" errorCode="REFUSED" />""");

    [Fact]
    public async Task Parent_waits_for_the_child_and_maps_variables_and_business_key_both_ways()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Child);
        await h.DeployAsync(Parent);
        var parent = await h.Engine.StartInstanceAsync("parent", variables: new Dictionary<string, object?> { ["hazard"] = "H7", ["level"] = 2 });
        Assert.Equal(["call"], parent.ActiveElementIds);

        var child = Assert.Single((await h.Store.QueryInstancesAsync(new InstanceQuery { ParentInstanceId = parent.Id })).Items);
        Assert.Equal("INT-H7", child.BusinessKey);
        var childView = await h.InstanceAsync(child.Id);
        Assert.Equal("H7", childView.Variables["subject"]);
        Assert.Equal(3L, childView.Variables["severity"]);

        await h.CompleteAsync(child.Id, "interview", new Dictionary<string, object?> { ["refused"] = false, ["outcome"] = "agreed" });

        Assert.Equal(InstanceState.Completed, (await h.InstanceAsync(child.Id)).State);
        var parentView = await h.InstanceAsync(parent.Id);
        Assert.Equal(["after"], parentView.ActiveElementIds);
        Assert.Equal("agreed", parentView.Variables["interviewOutcome"]);
    }

    [Fact]
    public async Task Error_end_event_in_the_child_reaches_the_boundary_of_the_call_activity()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Child);
        await h.DeployAsync(Parent);
        var parent = await h.Engine.StartInstanceAsync("parent", variables: new Dictionary<string, object?> { ["hazard"] = "H8", ["level"] = 1 });
        var child = Assert.Single((await h.Store.QueryInstancesAsync(new InstanceQuery { ParentInstanceId = parent.Id })).Items);

        await h.CompleteAsync(child.Id, "interview", new Dictionary<string, object?> { ["refused"] = true });

        Assert.Equal(["refer"], (await h.InstanceAsync(parent.Id)).ActiveElementIds);
        Assert.Equal(InstanceState.Terminated, (await h.InstanceAsync(child.Id)).State);
    }

    [Fact]
    public async Task Cancelling_the_parent_cancels_the_child_and_a_missing_callee_is_an_incident()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Parent);
        var orphan = await h.Engine.StartInstanceAsync("parent", variables: new Dictionary<string, object?> { ["hazard"] = "H", ["level"] = 1 });
        Assert.Contains("interview", Assert.Single(orphan.Incidents).Message);

        await h.DeployAsync(Child);
        var parent = await h.Engine.StartInstanceAsync("parent", variables: new Dictionary<string, object?> { ["hazard"] = "H9", ["level"] = 1 });
        var child = Assert.Single((await h.Store.QueryInstancesAsync(new InstanceQuery { ParentInstanceId = parent.Id })).Items);
        await h.Engine.CancelInstanceAsync(parent.Id);
        Assert.Equal(InstanceState.Cancelled, (await h.InstanceAsync(child.Id)).State);
        Assert.Empty(await h.TasksAsync(child.Id));
    }

    [Fact]
    public async Task Variables_all_copies_everything_in_and_out_and_version_binding_pins_the_callee()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""<bpmn:startEvent id="s" /><bpmn:scriptTask id="v" scriptFormat="javascript"><bpmn:script>execution.setVariable('version', 1); execution.setVariable('echo', input);</bpmn:script></bpmn:scriptTask>{{Flow("a", "s", "v")}}""", id: "callee"));
        await h.DeployAsync(Process($$"""<bpmn:startEvent id="s" /><bpmn:scriptTask id="v" scriptFormat="javascript"><bpmn:script>execution.setVariable('version', 2);</bpmn:script></bpmn:scriptTask>{{Flow("a", "s", "v")}}""", id: "callee"));
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:callActivity id="call" calledElement="callee" camunda:calledElementBinding="version" camunda:calledElementVersion="1">
              <bpmn:extensionElements><camunda:in variables="all" /><camunda:out variables="all" /></bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:userTask id="after" />
            {{Flow("f0", "start", "call")}}{{Flow("f1", "call", "after")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["input"] = "x" });
        Assert.Equal(1L, instance.Variables["version"]);
        Assert.Equal("x", instance.Variables["echo"]);
        Assert.Equal(["after"], instance.ActiveElementIds);
    }
}
