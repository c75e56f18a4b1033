using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Parsing;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Parsing;

public class ValidationTests
{
    private static async Task<BpmnValidationException> Refused(string xml)
    {
        var h = new EngineHarness();
        var error = await Assert.ThrowsAsync<BpmnValidationException>(() => h.Engine.DeployAsync(xml));
        Assert.Empty(await h.Store.ListDefinitionsAsync());
        return error;
    }

    [Fact]
    public async Task Unsupported_elements_and_event_definitions_are_named_by_id()
    {
        var error = await Refused(Process($$"""
            <bpmn:startEvent id="start"><bpmn:signalEventDefinition /></bpmn:startEvent>
            <bpmn:task id="plainTask" />
            <bpmn:manualTask id="manual" />
            <bpmn:complexGateway id="complex" />
            <bpmn:intermediateThrowEvent id="throwMsg"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateThrowEvent>
            <bpmn:scriptTask id="groovy" scriptFormat="groovy"><bpmn:script>x</bpmn:script></bpmn:scriptTask>
            <bpmn:serviceTask id="javaClass" />
            {{Flow("f1", "start", "plainTask")}}
            """));
        foreach (var id in new[] { "start", "plainTask", "manual", "complex", "throwMsg", "groovy", "javaClass" })
        {
            Assert.Contains(error.Errors, e => e.ElementId == id);
        }

        Assert.Contains(error.Errors, e => e.ElementId == "start" && e.Message.Contains("signalEventDefinition"));
        Assert.Contains(error.Errors, e => e.ElementId == "plainTask" && e.Message.Contains("'task'"));
    }

    [Fact]
    public async Task Structural_problems_and_bad_expressions_are_errors()
    {
        var error = await Refused(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:exclusiveGateway id="dead" />
            <bpmn:userTask id="a" camunda:assignee="${owner +}" />
            <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>soon</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            {{Flow("f1", "start", "dead")}}
            {{Flow("f2", "start", "nowhere")}}
            {{Flow("f3", "start", "a", "${grade ==}")}}
            """));
        Assert.Contains(error.Errors, e => e.ElementId == "dead" && e.Message.Contains("no outgoing"));
        Assert.Contains(error.Errors, e => e.ElementId == "f2" && e.Message.Contains("nowhere"));
        Assert.Contains(error.Errors, e => e.ElementId == "f3" && e.Message.Contains("does not parse"));
        Assert.Contains(error.Errors, e => e.ElementId == "a");
        Assert.Contains(error.Errors, e => e.ElementId == "t" && e.Message.Contains("soon"));
    }

    [Fact]
    public async Task Non_executable_processes_parse_but_are_refused_for_execution()
    {
        var xml = Process("<bpmn:startEvent id=\"s\" />", executable: false);
        var document = new BpmnParser().Parse(xml);
        Assert.False(Assert.Single(document.Processes).IsExecutable);
        var error = await Refused(xml);
        Assert.Contains("not executable", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task Unknown_extension_attributes_are_warnings_and_activiti_attributes_are_read()
    {
        var xml = $$"""
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:activiti="http://activiti.org/bpmn"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:color="http://www.omg.org/spec/BPMN/non-normative/color/1.0" id="d" targetNamespace="x">
              <bpmn:process id="p" isExecutable="true" camunda:versionTag="v1" camunda:isStartableInTasklist="false">
                <bpmn:startEvent id="s" color:background-color="#fff" />
                <bpmn:userTask id="a" activiti:assignee="li" activiti:candidateGroups="g1,g2" camunda:someFutureThing="x" />
                {{Flow("f", "s", "a")}}
              </bpmn:process>
            </bpmn:definitions>
            """;
        var h = new EngineHarness();
        var deployed = await h.Engine.DeployAsync(xml);
        Assert.Contains(deployed.Warnings, w => w.ElementId == "p" && w.Message.Contains("versionTag"));
        Assert.Contains(deployed.Warnings, w => w.ElementId == "a" && w.Message.Contains("someFutureThing"));
        Assert.Contains(deployed.Warnings, w => w.Message.Contains("background-color"));
        var node = new BpmnParser().Parse(xml).Processes[0].GetNode("a");
        Assert.Equal("li", node.UserTask!.Assignee);
        Assert.Equal(NodeKind.UserTask, node.Kind);

        var instance = await h.Engine.StartInstanceAsync("p");
        var task = await h.SingleTaskAsync(instance.Id, "a");
        Assert.Equal("li", task.Assignee);
        Assert.Equal(["g1", "g2"], task.CandidateGroups);
    }

    [Fact]
    public void Parser_reads_extension_settings_into_the_model()
    {
        var document = new BpmnParser().Parse(Process($$"""
            <bpmn:startEvent id="s" />
            <bpmn:serviceTask id="ext" camunda:type="external" camunda:topic="mail" camunda:asyncBefore="true" camunda:exclusive="false" camunda:jobPriority="7">
              <bpmn:extensionElements><camunda:failedJobRetryTimeCycle>R5/PT2M</camunda:failedJobRetryTimeCycle></bpmn:extensionElements>
            </bpmn:serviceTask>
            <bpmn:callActivity id="call" calledElement="child" camunda:calledElementBinding="version" camunda:calledElementVersion="3">
              <bpmn:extensionElements><camunda:in variables="all" /><camunda:out source="a" target="b" /></bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:boundaryEvent id="b" attachedToRef="call" cancelActivity="false"><bpmn:messageEventDefinition messageRef="m" /></bpmn:boundaryEvent>
            <bpmn:endEvent id="e"><bpmn:errorEventDefinition errorRef="err" /></bpmn:endEvent>
            """, extraDefinitions: """<bpmn:message id="m" name="Msg" /><bpmn:error id="err" errorCode="E1" />"""));
        var process = document.Processes[0];
        var ext = process.GetNode("ext");
        Assert.Equal("mail", ext.External!.Topic);
        Assert.True(ext.Async.Before);
        Assert.False(ext.Async.Exclusive);
        Assert.Equal(7, ext.Async.Priority);
        Assert.Equal("R5/PT2M", ext.Async.RetryTimeCycle);
        var call = process.GetNode("call");
        Assert.Equal(CalledElementBinding.Version, call.Call!.Binding);
        Assert.Equal(3, call.Call.Version);
        Assert.True(call.Call.Inputs[0].AllVariables);
        Assert.Equal("b", call.Call.Outputs[0].Target);
        var boundary = Assert.Single(call.BoundaryEvents);
        Assert.False(boundary.Interrupting);
        Assert.Equal("Msg", boundary.Event!.MessageName);
        Assert.Equal("E1", process.GetNode("e").Event!.ErrorCode);
    }
}
