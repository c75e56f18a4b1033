using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Scripting;
using WorkflowHub.Engine.Timers;

namespace WorkflowHub.Engine.Validation;

/// <summary>Decides whether a parsed process can be executed; returns every error with the element it is about.</summary>
public static class BpmnValidator
{
    public static IReadOnlyList<ValidationIssue> Validate(ProcessModel process, ScriptCompiler compiler)
    {
        var errors = new List<ValidationIssue>();
        if (!process.IsExecutable)
        {
            errors.Add(new ValidationIssue(process.Id, $"The process '{process.Id}' is not executable (isExecutable is not \"true\")."));
            return errors;
        }

        errors.AddRange(process.StructuralErrors);
        errors.AddRange(process.Unsupported);
        CheckScope(process.RootScope, errors, isRoot: true);
        foreach (var node in process.Nodes.Values)
        {
            CheckNode(node, compiler, errors);
        }

        foreach (var flow in process.Flows.Values)
        {
            if (flow.Condition is not null)
            {
                Compile(errors, flow.Id, () =>
                {
                    if (ExpressionText.ContainsExpression(flow.Condition))
                    {
                        compiler.CompileText(flow.Condition);
                    }
                    else
                    {
                        compiler.CompileExpression(flow.Condition);
                    }
                });
            }
        }

        return errors.DistinctBy(e => (e.ElementId, e.Message)).ToList();
    }

    private static void CheckScope(FlowScope scope, List<ValidationIssue> errors, bool isRoot)
    {
        var owner = scope.Owner;
        if (owner?.Kind == NodeKind.EventSubProcess)
        {
            var starts = scope.StartEvents.ToList();
            if (starts.Count != 1 || starts[0].Event is null || starts[0].Event!.Kind == EventKind.None)
            {
                errors.Add(new ValidationIssue(owner.Id, "An event sub-process needs exactly one message, timer or error start event."));
            }

            return;
        }

        if (isRoot ? !scope.StartEvents.Any() : scope.NoneStartEvent is null && scope.Nodes.Count > 0)
        {
            errors.Add(new ValidationIssue(owner?.Id, isRoot ? "The process has no start event." : "A sub-process needs one none start event."));
        }
    }

    private static void CheckNode(FlowNode node, ScriptCompiler compiler, List<ValidationIssue> errors)
    {
        if (node.Scope is not null)
        {
            CheckScope(node.Scope, errors, isRoot: false);
        }

        if (node.IsGateway && node.Outgoing.Count == 0)
        {
            errors.Add(new ValidationIssue(node.Id, "The gateway has no outgoing sequence flow."));
        }

        if (node.DefaultFlowId is not null && node.DefaultFlow is null)
        {
            errors.Add(new ValidationIssue(node.Id, $"The default flow '{node.DefaultFlowId}' is not an outgoing flow of this element."));
        }

        if (node.Kind == NodeKind.BoundaryEvent && node.Incoming.Count > 0)
        {
            errors.Add(new ValidationIssue(node.Id, "A boundary event cannot have incoming sequence flows."));
        }

        if (node.Kind == NodeKind.StartEvent && node.Incoming.Count > 0)
        {
            errors.Add(new ValidationIssue(node.Id, "A start event cannot have incoming sequence flows."));
        }

        if (node.Kind == NodeKind.EventBasedGateway)
        {
            foreach (var flow in node.Outgoing)
            {
                var target = flow.Target;
                var ok = target.Kind == NodeKind.ReceiveTask
                    || (target.Kind == NodeKind.IntermediateCatchEvent && target.Event?.Kind is EventKind.Message or EventKind.Timer);
                if (!ok)
                {
                    errors.Add(new ValidationIssue(node.Id, $"An event-based gateway may only lead to message or timer catch events or receive tasks, not to '{target.Id}'."));
                }
            }
        }

        if (node.Event?.Timer is { } timer && TimerEvaluation.Check(timer) is { } timerError)
        {
            errors.Add(new ValidationIssue(node.Id, timerError));
        }

        if (node.Event?.Timer is { } t)
        {
            CompileText(errors, node.Id, compiler, t.Expression);
        }

        if (node.UserTask is { } task)
        {
            foreach (var text in new[] { task.Assignee, task.CandidateUsers, task.CandidateGroups, task.DueDate, task.FollowUpDate, task.Priority, task.FormKey })
            {
                CompileText(errors, node.Id, compiler, text);
            }
        }

        if (node.MultiInstance is { } mi)
        {
            CompileText(errors, node.Id, compiler, mi.Collection);
            CompileText(errors, node.Id, compiler, mi.LoopCardinality);
            if (mi.CompletionCondition is not null)
            {
                Compile(errors, node.Id, () =>
                {
                    if (ExpressionText.ContainsExpression(mi.CompletionCondition))
                    {
                        compiler.CompileText(mi.CompletionCondition);
                    }
                    else
                    {
                        compiler.CompileExpression(mi.CompletionCondition);
                    }
                });
            }
        }

        if (node.Call is { } call)
        {
            foreach (var mapping in call.Inputs.Concat(call.Outputs))
            {
                CompileText(errors, node.Id, compiler, mapping.SourceExpression);
            }

            CompileText(errors, node.Id, compiler, call.CalledElement);
        }

        if (node.Script is { } script)
        {
            Compile(errors, node.Id, () => compiler.CompileScript(script.Body));
        }
    }

    private static void CompileText(List<ValidationIssue> errors, string elementId, ScriptCompiler compiler, string? text)
    {
        if (text is not null)
        {
            Compile(errors, elementId, () => compiler.CompileText(text));
        }
    }

    private static void Compile(List<ValidationIssue> errors, string elementId, Action compile)
    {
        try
        {
            compile();
        }
        catch (ScriptFailedException ex)
        {
            errors.Add(new ValidationIssue(elementId, ex.Message));
        }
        catch (FormatException ex)
        {
            errors.Add(new ValidationIssue(elementId, ex.Message));
        }
    }
}
