namespace WorkflowHub.Benchmarks.Sqlite;

/// <summary>A straight line of user tasks: every completion is one engine command that ends a task and creates the next.</summary>
public static class UserTaskChain
{
    public const string ProcessKey = "user-task-chain";

    public static string ElementId(int step) => $"task{step}";

    /// <param name="candidateGroup">Who may complete the tasks (see TaskCandidates in the campaign module).</param>
    public static string Process(int steps, string candidateGroup = "safety")
    {
        var tasks = string.Concat(Enumerable.Range(1, steps).Select(i =>
            $"""<bpmn:userTask id="{ElementId(i)}" name="Step {i}" camunda:candidateGroups="{candidateGroup}" />"""));
        var flows = string.Concat(Enumerable.Range(0, steps + 1).Select(i =>
        {
            var source = i == 0 ? "start" : ElementId(i);
            var target = i == steps ? "end" : ElementId(i + 1);
            return $"""<bpmn:sequenceFlow id="f{i}" sourceRef="{source}" targetRef="{target}" />""";
        }));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="benchmark" targetNamespace="http://workflowhub.example/benchmarks">
              <bpmn:process id="{ProcessKey}" isExecutable="true">
                <bpmn:startEvent id="start" />
                {tasks}
                <bpmn:endEvent id="end" />
                {flows}
              </bpmn:process>
            </bpmn:definitions>
            """;
    }
}
