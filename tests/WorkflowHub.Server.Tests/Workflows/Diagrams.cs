using System.Text;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>Small BPMN diagrams for the API tests, each under a fresh process key so tests never share definitions.</summary>
public static class Diagrams
{
    public static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>start → a user task offered to <paramref name="candidateGroups"/> with the hazard-grading form → end.</summary>
    public static string UserTask(string key, string candidateGroups = "city-fire-rescue", string? formKey = "camunda-forms:deployment:hazard-grading.form") =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{key}" name="测试审核 {key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toReview" sourceRef="start" targetRef="review" />
            <bpmn:userTask id="review" name="定级审核" camunda:candidateGroups="{candidateGroups}"{(formKey is null ? "" : $" camunda:formKey=\"{formKey}\"")} />
            <bpmn:sequenceFlow id="toEnd" sourceRef="review" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → wait <paramref name="duration"/> → a user task for the committee office → end.</summary>
    public static string Timer(string key, string duration) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="wait" />
            <bpmn:intermediateCatchEvent id="wait">
              <bpmn:timerEventDefinition id="waitTimer">
                <bpmn:timeDuration>{duration}</bpmn:timeDuration>
              </bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:sequenceFlow id="toFollowUp" sourceRef="wait" targetRef="followUp" />
            <bpmn:userTask id="followUp" camunda:candidateGroups="role:CommitteeOffice" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="followUp" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → wait for the message <paramref name="messageName"/> → end.</summary>
    public static string Message(string key, string messageName) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:message id="msg" name="{messageName}" />
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toWait" sourceRef="start" targetRef="waitForReply" />
            <bpmn:receiveTask id="waitForReply" messageRef="msg" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="waitForReply" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → an exclusive gateway that only goes on when <c>go</c> is true, with no default flow → end.</summary>
    public static string Gateway(string key) =>
        $$"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_{{key}}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{{key}}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toDecide" sourceRef="start" targetRef="decide" />
            <bpmn:exclusiveGateway id="decide" />
            <bpmn:sequenceFlow id="onlyIfGo" sourceRef="decide" targetRef="end">
              <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${go == true}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>A process whose gateway is a complex gateway, which the engine does not execute.</summary>
    public static string Unsupported(string key) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            <bpmn:sequenceFlow id="toGateway" sourceRef="start" targetRef="mysteryGateway" />
            <bpmn:complexGateway id="mysteryGateway" />
            <bpmn:sequenceFlow id="toEnd" sourceRef="mysteryGateway" targetRef="end" />
            <bpmn:endEvent id="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>An external entity that would read a local file if the parser resolved it.</summary>
    public static string ExternalEntity(string key) =>
        $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE bpmn:definitions [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="Definitions_{key}" targetNamespace="http://workflowhub.test/bpmn">
          <bpmn:process id="{key}" name="&secret;" isExecutable="true">
            <bpmn:startEvent id="start" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static StringContent Xml(string xml, string mediaType = "application/xml") =>
        new(xml, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), mediaType);
}
