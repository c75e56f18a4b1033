using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Persistence.InMemory;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Persistence;

/// <summary>
/// The in-memory store keeps a new instance's first history rows in the list its transaction buffered them in:
/// later commands must append to it, other instances must not see it, and the spent transaction must not reach it.
/// </summary>
public class InMemoryHistoryTests
{
    private static HistoryEventRecord Row(Guid instanceId, long sequence, string elementId) => new()
    {
        Id = Guid.CreateVersion7(),
        InstanceId = instanceId,
        Sequence = sequence,
        DefinitionId = "d",
        Type = HistoryEventType.ActivityStarted,
        ElementId = elementId,
        Timestamp = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public async Task Rows_of_later_commands_and_other_instances_land_in_their_own_lists()
    {
        var store = new InMemoryEngineStore();
        var a = Guid.CreateVersion7();
        var b = Guid.CreateVersion7();

        await using (var first = await store.BeginAsync())
        {
            first.AppendHistory(Row(a, 1, "a1"));
            first.AppendHistory(Row(a, 2, "a2"));
            await first.CommitAsync();

            // A spent transaction's buffer is not the stored list: a write after commit reaches nothing.
            first.AppendHistory(Row(a, 99, "late"));
        }

        await using (var second = await store.BeginAsync())
        {
            second.AppendHistory(Row(b, 1, "b1"));
            second.AppendHistory(Row(a, 3, "a3"));
            await second.CommitAsync();
        }

        await using (var discarded = await store.BeginAsync())
        {
            discarded.AppendHistory(Row(a, 4, "never"));
        }

        Assert.Equal(["a1", "a2", "a3"], (await store.GetHistoryAsync(a)).Select(e => e.ElementId));
        Assert.Equal(["b1"], (await store.GetHistoryAsync(b)).Select(e => e.ElementId));
    }

    [Fact]
    public async Task An_instance_history_is_complete_and_in_sequence_across_commands()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="prepare" scriptFormat="javascript"><bpmn:script>execution.setVariable('n', 1);</bpmn:script></bpmn:scriptTask>
            <bpmn:userTask id="approve" />
            <bpmn:endEvent id="end" />
            {{Flow("f0", "start", "prepare")}}{{Flow("f1", "prepare", "approve")}}{{Flow("f2", "approve", "end")}}
            """));
        var instance = await h.Engine.StartInstanceAsync("p");
        var afterStart = await h.Store.GetHistoryAsync(instance.Id);

        await h.CompleteAsync(instance.Id, "approve");

        var history = await h.Store.GetHistoryAsync(instance.Id);
        Assert.Equal(afterStart.Select(e => e.Id), history.Take(afterStart.Count).Select(e => e.Id));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Sequence));
        Assert.Equal(history.Count, history.Select(e => e.Id).Distinct().Count());
        Assert.Equal(HistoryEventType.InstanceStarted, history[0].Type);
        Assert.Equal(HistoryEventType.InstanceCompleted, history[^1].Type);
        Assert.Contains(history, e => e.Type == HistoryEventType.VariableSet && e.ElementId == "prepare" && e.Data == """{"n":1}""");
        Assert.Contains(history, e => e.Type == HistoryEventType.TaskCompleted && e.ElementId == "approve");
    }
}
