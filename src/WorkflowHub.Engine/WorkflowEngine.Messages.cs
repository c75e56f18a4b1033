using WorkflowHub.Engine.Model;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Engine;

public sealed partial class WorkflowEngine
{
    public async Task<IReadOnlyList<Guid>> CorrelateMessageAsync(string messageName, string? businessKey = null, IReadOnlyDictionary<string, object?>? correlationKeys = null, IReadOnlyDictionary<string, object?>? variables = null, string? userId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageName);
        var payload = NormalizeVariables(variables);
        var keys = NormalizeVariables(correlationKeys);
        var reached = new List<Guid>();
        await RunCommandAsync(userId, async (command, runner) =>
        {
            var subscriptions = await command.Tx.FindMessageSubscriptionsAsync(messageName, businessKey, cancellationToken);
            foreach (var group in subscriptions.Where(s => s.InstanceId is not null).GroupBy(s => s.InstanceId!.Value))
            {
                var instance = await command.LoadInstanceAsync(group.Key);
                if (instance is null || instance.Record.State != InstanceState.Active)
                {
                    continue;
                }

                foreach (var subscription in group)
                {
                    var owner = instance.Find(subscription.ExecutionId);
                    // The subscription was read before the instance: a racing command (another correlation, the
                    // gateway's timer) may have consumed it meanwhile, and its execution moved on. Like a job, it only
                    // counts while its execution still owns it.
                    if (owner is null || owner.Subscriptions?.Any(s => s.Id == subscription.Id) != true || !Matches(runner.Variables(instance, owner), keys))
                    {
                        continue;
                    }

                    var node = instance.Definition.Model.GetNode(subscription.ElementId);
                    var repeats = !node.Interrupting && (node.Kind == NodeKind.BoundaryEvent || node.ParentScope.Owner?.Kind == NodeKind.EventSubProcess);
                    if (!repeats)
                    {
                        runner.RemoveOwned(owner, item => item.Id == subscription.Id);
                    }

                    command.History(instance, HistoryEventType.MessageCorrelated, node.Id, node.ElementType, data: Runtime.CommandContext.Json("message", messageName));
                    await runner.TriggerAsync(instance, owner, node, payload);
                    reached.Add(instance.Id);
                    break;
                }
            }

            if (reached.Count > 0)
            {
                return;
            }

            var starts = businessKey is null ? subscriptions : await command.Tx.FindMessageSubscriptionsAsync(messageName, null, cancellationToken);
            foreach (var start in starts.Where(s => s.InstanceId is null))
            {
                var definition = await _services.Definitions.FindAsync(command.Tx, start.DefinitionId, cancellationToken);
                if (definition is null)
                {
                    continue;
                }

                var node = definition.Model.GetNode(start.ElementId);
                var instance = command.CreateInstance(definition, businessKey, null, null, new Dictionary<string, object?>(payload, StringComparer.Ordinal));
                runner.Start(instance, node);
                command.History(instance, HistoryEventType.MessageCorrelated, node.Id, node.ElementType, data: Runtime.CommandContext.Json("message", messageName));
                reached.Add(instance.Id);
            }
        }, cancellationToken);
        return reached;
    }

    private static bool Matches(Runtime.ExecutionVariables variables, Dictionary<string, object?> keys)
    {
        foreach (var (name, expected) in keys)
        {
            if (!variables.TryGet(name, out var actual) || !ValuesEqual(expected, actual))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ValuesEqual(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (long x, double y) => x == y,
        (double x, long y) => x == y,
        _ => Equals(a, b),
    };
}
