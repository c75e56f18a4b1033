using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Engine.Runtime;

/// <summary>What every command needs, shared for the engine's lifetime.</summary>
internal sealed class EngineServices(
    IEngineStore store,
    TimeProvider time,
    WorkflowEngineOptions options,
    IReadOnlyDictionary<string, IExternalTaskHandler> handlers,
    IBusinessRuleEvaluator? ruleEvaluator,
    IReadOnlyList<IEngineEventListener> listeners)
{
    public IEngineStore Store { get; } = store;

    public TimeProvider Time { get; } = time;

    public WorkflowEngineOptions Options { get; } = options;

    public IReadOnlyDictionary<string, IExternalTaskHandler> Handlers { get; } = handlers;

    public IBusinessRuleEvaluator? RuleEvaluator { get; } = ruleEvaluator;

    public IReadOnlyList<IEngineEventListener> Listeners { get; } = listeners;

    public DefinitionCache Definitions { get; } = new(options.ParserOptions);

    public ScriptEvaluator Scripts { get; } = new(options.ScriptLimits);
}
