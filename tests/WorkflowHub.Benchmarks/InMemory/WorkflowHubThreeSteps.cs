using WorkflowHub.Engine;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>WorkflowHub's side: the same three steps as BPMN, once as script tasks and once as external service tasks.</summary>
public static class WorkflowHubThreeSteps
{
    public const string ScriptProcessKey = "three-script-steps";

    public const string ServiceProcessKey = "three-service-steps";

    public static readonly string[] Topics = ["step-one", "step-two", "step-three"];

    /// <summary>Three Jint script tasks: the engine runs them inside the start command, no job, no queue.</summary>
    public static string ScriptProcess => Definitions(ScriptProcessKey, """
        <bpmn:scriptTask id="one" scriptFormat="javascript"><bpmn:script>execution.setVariable('one', 1);</bpmn:script></bpmn:scriptTask>
        <bpmn:scriptTask id="two" scriptFormat="javascript"><bpmn:script>execution.setVariable('two', 2);</bpmn:script></bpmn:scriptTask>
        <bpmn:scriptTask id="three" scriptFormat="javascript"><bpmn:script>execution.setVariable('three', 3);</bpmn:script></bpmn:scriptTask>
        """);

    /// <summary>
    /// Three external service tasks: each becomes a job, the job executor acquires it, calls the registered handler
    /// outside the transaction and completes it in a second command, which is WorkflowCore's own shape (queue, worker, step).
    /// </summary>
    public static string ServiceProcess => Definitions(ServiceProcessKey, $"""
        <bpmn:serviceTask id="one" camunda:type="external" camunda:topic="{Topics[0]}" />
        <bpmn:serviceTask id="two" camunda:type="external" camunda:topic="{Topics[1]}" />
        <bpmn:serviceTask id="three" camunda:type="external" camunda:topic="{Topics[2]}" />
        """);

    private static string Definitions(string key, string steps) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="benchmark" targetNamespace="http://workflowhub.example/benchmarks">
          <bpmn:process id="{key}" isExecutable="true">
            <bpmn:startEvent id="start" />
            {steps}
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="one" />
            <bpmn:sequenceFlow id="f1" sourceRef="one" targetRef="two" />
            <bpmn:sequenceFlow id="f2" sourceRef="two" targetRef="three" />
            <bpmn:sequenceFlow id="f3" sourceRef="three" targetRef="end" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    /// <summary>Sets one variable like the script does; the last topic also reports the instance as finished.</summary>
    public sealed class StepHandler(string topic, CompletionSignal? finished) : IExternalTaskHandler
    {
        private static readonly Task<ExternalTaskResult> Done = Task.FromResult(ExternalTaskResult.Success(new Dictionary<string, object?> { ["step"] = 1 }));

        public string Topic { get; } = topic;

        public Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
        {
            finished?.Signal();
            return Done;
        }
    }
}
