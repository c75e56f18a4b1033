using WorkflowHub.Engine;

namespace WorkflowHub.Benchmarks.InMemory;

/// <summary>WorkflowHub's side: the same three steps as BPMN, once as script tasks and once as external service tasks.</summary>
public static class WorkflowHubThreeSteps
{
    public const string ScriptProcessKey = "three-script-steps";

    public const string ServiceProcessKey = "three-service-steps";

    public const string JintScriptProcessKey = "three-jint-script-steps";

    public static readonly string[] Topics = ["step-one", "step-two", "step-three"];

    /// <summary>
    /// Three script tasks that each set one variable to a literal: the engine runs them inside the start command, no job,
    /// no queue. Scripts of this form (only <c>execution.setVariable('name', simple expression)</c>) run without Jint.
    /// </summary>
    public static string ScriptProcess => Definitions(ScriptProcessKey, """
        <bpmn:scriptTask id="one" scriptFormat="javascript"><bpmn:script>execution.setVariable('one', 1);</bpmn:script></bpmn:scriptTask>
        <bpmn:scriptTask id="two" scriptFormat="javascript"><bpmn:script>execution.setVariable('two', 2);</bpmn:script></bpmn:scriptTask>
        <bpmn:scriptTask id="three" scriptFormat="javascript"><bpmn:script>execution.setVariable('three', 3);</bpmn:script></bpmn:scriptTask>
        """);

    /// <summary>
    /// The same three scripts written so that they fall outside the forms the engine runs without Jint (a local
    /// variable), so each one is a real sandboxed Jint evaluation: what any non-trivial script costs.
    /// </summary>
    public static string JintScriptProcess => Definitions(JintScriptProcessKey, """
        <bpmn:scriptTask id="one" scriptFormat="javascript"><bpmn:script>var v = 1; execution.setVariable('one', v);</bpmn:script></bpmn:scriptTask>
        <bpmn:scriptTask id="two" scriptFormat="javascript"><bpmn:script>var v = 2; execution.setVariable('two', v);</bpmn:script></bpmn:scriptTask>
        <bpmn:scriptTask id="three" scriptFormat="javascript"><bpmn:script>var v = 3; execution.setVariable('three', v);</bpmn:script></bpmn:scriptTask>
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
