namespace WorkflowHub.Engine.Tests.Support;

/// <summary>Wraps process content into a BPMN document with the usual namespaces.</summary>
public static class Bpmn
{
    public static string Process(string body, string id = "p", string extraDefinitions = "", bool executable = true) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                          id="defs" targetNamespace="http://example.org/test">
          {extraDefinitions}
          <bpmn:process id="{id}" isExecutable="{(executable ? "true" : "false")}">
            {body}
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>start → (body elements chained by the caller) ; convenience for a straight line of element ids.</summary>
    public static string Flow(string id, string source, string target, string? condition = null) => condition is null
        ? $"""<bpmn:sequenceFlow id="{id}" sourceRef="{source}" targetRef="{target}" />"""
        : $"""<bpmn:sequenceFlow id="{id}" sourceRef="{source}" targetRef="{target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"><![CDATA[{condition}]]></bpmn:conditionExpression></bpmn:sequenceFlow>""";
}
