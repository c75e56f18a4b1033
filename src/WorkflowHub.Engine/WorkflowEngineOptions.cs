using WorkflowHub.Engine.Parsing;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine;

public sealed class WorkflowEngineOptions
{
    public ScriptLimits ScriptLimits { get; set; } = new();

    public BpmnParserOptions ParserOptions { get; set; } = new();

    /// <summary>How long a job executor owns an acquired job before another node may take it over.</summary>
    public TimeSpan JobLockDuration { get; set; } = TimeSpan.FromMinutes(5);

    public int DefaultTaskPriority { get; set; } = 50;

    /// <summary>Receives exceptions thrown by <see cref="IEngineEventListener"/>s (after the command committed); by default they are traced.</summary>
    public Action<Exception>? ListenerError { get; set; }
}
