using System.Globalization;
using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Runtime.State;

namespace WorkflowHub.Engine.Runtime.Behaviors;

/// <summary>Call activities: start the called process in the same command, and continue the caller when it ends.</summary>
internal sealed partial class ProcessRunner
{
    private async Task StartCalledInstanceAsync(InstanceContext instance, ExecutionState execution, FlowNode node)
    {
        var call = node.Call!;
        var key = EvaluateString(instance, execution, call.CalledElement) ?? call.CalledElement;
        var record = call.Binding == CalledElementBinding.Version && call.Version is { } version
            ? await C.Tx.FindDefinitionByVersionAsync(key, version, C.CancellationToken)
            : await C.Tx.FindLatestDefinitionAsync(key, C.CancellationToken);
        if (record is null)
        {
            RaiseIncident(instance, execution, node, "callActivity", $"The called process '{key}' is not deployed.");
            return;
        }

        var definition = C.Services.Definitions.GetOrParse(record);
        var start = definition.Model.RootScope.NoneStartEvent;
        if (start is null)
        {
            RaiseIncident(instance, execution, node, "callActivity", $"The called process '{key}' has no none start event.");
            return;
        }

        var access = Variables(instance, execution);
        var variables = new Dictionary<string, object?>(StringComparer.Ordinal);
        string? businessKey = null;
        foreach (var mapping in call.Inputs)
        {
            if (mapping.AllVariables)
            {
                foreach (var (k, v) in access.Visible())
                {
                    variables[k] = v;
                }
            }
            else if (mapping.BusinessKey)
            {
                businessKey = Convert.ToString(EvaluateText(instance, execution, mapping.SourceExpression ?? ""), CultureInfo.InvariantCulture);
            }
            else if (mapping.Target is { } target)
            {
                variables[target] = mapping.Source is { } source
                    ? access.TryGet(source, out var value) ? value : null
                    : mapping.SourceExpression is { } expression ? EvaluateText(instance, execution, expression) : null;
            }
        }

        var child = C.CreateInstance(definition, businessKey, instance.Id, execution.Id, variables);
        execution.CalledInstanceId = child.Id;
        execution.Wait = WaitKind.CallActivity;
        Start(child, start);
    }

    private async Task ResumeCallingInstanceAsync(InstanceContext child)
    {
        if (child.Record.ParentInstanceId is not { } parentId || child.Document.ParentExecutionId is not { } executionId)
        {
            return;
        }

        var caller = await C.LoadInstanceAsync(parentId);
        if (caller?.Find(executionId) is not { } execution || execution.CalledInstanceId != child.Id)
        {
            return;
        }

        var node = caller.Node(execution);
        var childVariables = child.Root.Variables ?? [];
        var access = Variables(caller, execution);
        try
        {
            foreach (var mapping in node.Call!.Outputs)
            {
                if (mapping.AllVariables)
                {
                    foreach (var (k, v) in childVariables)
                    {
                        access.Set(k, v);
                    }
                }
                else if (mapping.Target is { } target)
                {
                    var value = mapping.Source is { } source
                        ? childVariables.GetValueOrDefault(source)
                        : mapping.SourceExpression is { } expression ? EvaluateText(child, child.Root, expression) : null;
                    if (mapping.Local)
                    {
                        access.SetLocal(target, value);
                    }
                    else
                    {
                        access.Set(target, value);
                    }
                }
            }
        }
        catch (Exception ex) when (ex is Scripting.ScriptFailedException or FormatException)
        {
            RaiseIncident(caller, execution, node, "expression", ex.Message);
            return;
        }

        execution.CalledInstanceId = null;
        Leave(caller, execution, node);
    }
}
