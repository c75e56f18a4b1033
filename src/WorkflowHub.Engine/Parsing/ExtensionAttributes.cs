using WorkflowHub.Engine.Model;

namespace WorkflowHub.Engine.Parsing;

/// <summary>Which Camunda extension attributes the engine executes on which elements; the rest become deploy warnings.</summary>
internal static class ExtensionAttributes
{
    private static readonly HashSet<string> Async = ["asyncBefore", "asyncAfter", "async", "exclusive", "jobPriority"];

    public static readonly IReadOnlySet<string> ExecutedOnProcess = new HashSet<string>();

    public static readonly IReadOnlySet<string> ExecutedOnMultiInstance = new HashSet<string> { "collection", "elementVariable" };

    private static readonly Dictionary<NodeKind, HashSet<string>> ByKind = new()
    {
        [NodeKind.StartEvent] = ["initiator", .. Async],
        [NodeKind.UserTask] = ["assignee", "candidateUsers", "candidateGroups", "dueDate", "followUpDate", "priority", "formKey", .. Async],
        [NodeKind.ServiceTask] = ["type", "topic", "delegateExpression", "expression", "class", .. Async],
        [NodeKind.SendTask] = ["type", "topic", "delegateExpression", "expression", "class", .. Async],
        [NodeKind.BusinessRuleTask] = ["decisionRef", "resultVariable", .. Async],
        [NodeKind.ScriptTask] = ["resultVariable", .. Async],
        [NodeKind.CallActivity] = ["calledElementBinding", "calledElementVersion", .. Async],
    };

    public static IReadOnlySet<string> ExecutedOn(NodeKind kind) => ByKind.TryGetValue(kind, out var set) ? set : Async;
}
