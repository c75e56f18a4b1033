namespace WorkflowHub.Engine.Model;

/// <summary>A parsed BPMN file: every process it defines, executable or not.</summary>
public sealed class BpmnDocument
{
    public required IReadOnlyList<ProcessModel> Processes { get; init; }

    /// <summary>Document-level warnings (e.g. unknown extension attributes outside processes).</summary>
    public required IReadOnlyList<ValidationIssue> Warnings { get; init; }

    public ProcessModel? FindProcess(string id) => Processes.FirstOrDefault(p => p.Id == id);
}
