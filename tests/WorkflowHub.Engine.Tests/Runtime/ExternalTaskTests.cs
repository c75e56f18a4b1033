using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

public class ExternalTaskTests
{
    private static string ProcessWithErrorBoundary(string retryCycle = "") => Process($"""
        <bpmn:startEvent id="start" />
        <bpmn:serviceTask id="check" camunda:type="external" camunda:topic="credit">
          <bpmn:extensionElements>{retryCycle}</bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:boundaryEvent id="rejected" attachedToRef="check"><bpmn:errorEventDefinition errorRef="errRejected" /></bpmn:boundaryEvent>
        <bpmn:userTask id="next" /><bpmn:userTask id="handleRejection" />
        {Flow("f0", "start", "check")}{Flow("f1", "check", "next")}{Flow("f2", "rejected", "handleRejection")}
        """, extraDefinitions: """<bpmn:error id="errRejected" errorCode="REJECTED" />""");

    [Fact]
    public async Task Handler_result_variables_are_set_and_the_token_moves_on()
    {
        var handler = new DelegateTaskHandler("credit", ctx => ExternalTaskResult.Success(new Dictionary<string, object?> { ["score"] = (long)ctx.Variables["base"]! + 10 }));
        var h = new EngineHarness([handler]);
        await h.DeployAsync(ProcessWithErrorBoundary());
        var instance = await h.Engine.StartInstanceAsync("p", "K-1", new Dictionary<string, object?> { ["base"] = 5 });
        Assert.Equal(["check"], instance.ActiveElementIds);

        Assert.Equal(1, await h.RunJobsAsync());

        Assert.Equal("", string.Join(";", (await h.Store.GetJobsByInstanceAsync(instance.Id)).Select(j => j.ErrorMessage)));
        var view = await h.InstanceAsync(instance.Id);
        Assert.Equal(["next"], view.ActiveElementIds);
        Assert.Equal(15L, view.Variables["score"]);
        var call = Assert.Single(handler.Calls);
        Assert.Equal("K-1", call.BusinessKey);
        Assert.Equal("check", call.ElementId);
    }

    [Fact]
    public async Task Bpmn_error_from_a_handler_is_caught_by_the_error_boundary()
    {
        var h = new EngineHarness([new DelegateTaskHandler("credit", _ => ExternalTaskResult.BpmnError("REJECTED"))]);
        await h.DeployAsync(ProcessWithErrorBoundary());
        var instance = await h.Engine.StartInstanceAsync("p");
        await h.RunJobsAsync();
        Assert.Equal(["handleRejection"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
    }

    [Fact]
    public async Task Exceptions_are_retried_per_cycle_then_become_an_incident_that_retry_resolves()
    {
        var fail = true;
        var handler = new DelegateTaskHandler("credit", _ => fail ? throw new InvalidOperationException("bank offline") : ExternalTaskResult.Success());
        var incidents = new List<IncidentRecord>();
        var h = new EngineHarness([handler], listeners: [new RecordingListener(incidents)]);
        await h.DeployAsync(ProcessWithErrorBoundary("<camunda:failedJobRetryTimeCycle>R2/PT5M</camunda:failedJobRetryTimeCycle>"));
        var instance = await h.Engine.StartInstanceAsync("p");

        Assert.Equal(1, await h.RunJobsAsync());
        var job = Assert.Single(await h.Store.GetJobsByInstanceAsync(instance.Id));
        Assert.Equal(1, job.Retries);
        Assert.Equal(h.Clock.GetUtcNow().AddMinutes(5), job.DueAt);
        Assert.Contains("bank offline", job.ErrorMessage);
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromMinutes(4)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromMinutes(1)));

        var incident = Assert.Single(await h.IncidentsAsync(instance.Id));
        Assert.Equal("failedJob", incident.Type);
        Assert.Equal("check", incident.ElementId);
        Assert.Single(incidents);
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromHours(1)));

        fail = false;
        await h.Engine.RetryIncidentAsync(incident.Id);
        Assert.Equal(1, await h.RunJobsAsync());
        var view = await h.InstanceAsync(instance.Id);
        Assert.Equal(["next"], view.ActiveElementIds);
        Assert.Empty(view.Incidents);
        Assert.Equal(3, handler.Calls.Count);
    }

    [Fact]
    public async Task A_topic_without_a_handler_ends_in_an_incident()
    {
        var h = new EngineHarness();
        await h.DeployAsync(ProcessWithErrorBoundary("<camunda:failedJobRetryTimeCycle>R1/PT1M</camunda:failedJobRetryTimeCycle>"));
        var instance = await h.Engine.StartInstanceAsync("p");
        await h.RunJobsAsync();
        var incident = Assert.Single(await h.IncidentsAsync(instance.Id));
        Assert.Contains("credit", incident.Message);
    }

    private sealed class RecordingListener(List<IncidentRecord> incidents) : IEngineEventListener
    {
        public Task OnIncidentCreatedAsync(IncidentRecord incident, CancellationToken cancellationToken)
        {
            incidents.Add(incident);
            return Task.CompletedTask;
        }
    }
}
