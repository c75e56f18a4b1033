using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WorkflowHub.Testing.MultiNode;

/// <summary>
/// The workflow the nodes share: an asynchronous script (a job) that counts its runs, a one-second timer (a job), then a
/// review task for the admin. Every instance therefore needs two jobs and one completion through the API.
/// </summary>
public static class LoadWorkflow
{
    public const string Key = "multinode-load";
    public const string ScriptElement = "Script_Count";
    public const string TimerElement = "Timer_Wait";
    public const string TaskElement = "Task_Review";

    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="multinode" targetNamespace="http://workflowhub.example/multinode">
          <bpmn:process id="multinode-load" name="多节点负载" isExecutable="true">
            <bpmn:startEvent id="Start" />
            <bpmn:scriptTask id="Script_Count" scriptFormat="javascript" camunda:asyncBefore="true">
              <bpmn:script>execution.setVariable('runs', execution.getVariable('runs') + 1);</bpmn:script>
            </bpmn:scriptTask>
            <bpmn:intermediateCatchEvent id="Timer_Wait">
              <bpmn:timerEventDefinition><bpmn:timeDuration>PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:intermediateCatchEvent>
            <bpmn:userTask id="Task_Review" name="复核" camunda:assignee="admin" />
            <bpmn:endEvent id="End" />
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Script_Count" />
            <bpmn:sequenceFlow id="f2" sourceRef="Script_Count" targetRef="Timer_Wait" />
            <bpmn:sequenceFlow id="f3" sourceRef="Timer_Wait" targetRef="Task_Review" />
            <bpmn:sequenceFlow id="f4" sourceRef="Task_Review" targetRef="End" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    public static async Task DeployAsync(HttpClient admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        using var content = new StringContent(Xml, Encoding.UTF8, "application/xml");
        using var response = await admin.PostAsync("/api/definitions", content);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Deploy failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Starts an instance with <c>runs = 0</c>; returns its id.</summary>
    public static async Task<Guid> StartAsync(HttpClient client, string businessKey)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync("/api/instances", new { definitionKey = Key, businessKey, variables = new { runs = 0 } });
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"Start failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Completes a task; returns the status code (200 once, 409 to whoever comes second).</summary>
    public static async Task<HttpStatusCode> CompleteAsync(HttpClient client, Guid taskId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.PostAsJsonAsync($"/api/tasks/{taskId}/complete", new { variables = new { } });
        return response.StatusCode;
    }
}
