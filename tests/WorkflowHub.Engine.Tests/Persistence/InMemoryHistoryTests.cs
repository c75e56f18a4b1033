using System.Reflection;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Persistence.InMemory;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Persistence;

/// <summary>
/// The in-memory store keeps each instance's history as compact rows, starting with the buffer a new instance's first
/// command filled: later commands must append to it, other instances must not see it, the spent transaction must not
/// reach it, and reads must give back every field of every event as detached records.
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

    [Fact]
    public async Task Every_field_of_a_row_survives_the_store_and_reads_are_detached()
    {
        var store = new InMemoryEngineStore();
        var written = new HistoryEventRecord
        {
            Id = Guid.CreateVersion7(),
            InstanceId = Guid.CreateVersion7(),
            Sequence = 7,
            DefinitionId = "def-3",
            Type = HistoryEventType.TaskCompleted,
            ElementId = "approve",
            ElementType = "userTask",
            TaskId = Guid.CreateVersion7(),
            UserId = "alice",
            Timestamp = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8)),
            Data = """{"approved":true}""",
        };
        await using (var tx = await store.BeginAsync())
        {
            tx.AppendHistory(written);
            await tx.CommitAsync();
        }

        var read = Assert.Single(await store.GetHistoryAsync(written.InstanceId));
        foreach (var property in typeof(HistoryEventRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(written);
            Assert.True(value is not null && !value.Equals(property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null), $"The sample leaves {property.Name} at its default: set it so the row is really checked.");
            Assert.Equal(value, property.GetValue(read));
        }

        read.ElementId = "changed by a reader";
        Assert.Equal("approve", Assert.Single(await store.GetHistoryAsync(written.InstanceId)).ElementId);
    }

    [Fact]
    public async Task Rows_the_engine_writes_carry_the_task_and_each_command_s_user_and_clock()
    {
        var h = new EngineHarness();
        var deployed = await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="approve" />
            <bpmn:endEvent id="end" />
            {{Flow("f0", "start", "approve")}}{{Flow("f1", "approve", "end")}}
            """));
        var startedAt = h.Clock.GetUtcNow();
        var instance = await h.Engine.StartInstanceAsync("p", userId: "alice");
        var task = await h.SingleTaskAsync(instance.Id, "approve");
        var startRows = (await h.Store.GetHistoryAsync(instance.Id)).Count;
        h.Clock.Advance(TimeSpan.FromMinutes(5));

        await h.CompleteAsync(instance.Id, "approve");

        var history = await h.Store.GetHistoryAsync(instance.Id);
        Assert.All(history, e => Assert.Equal(deployed.Id, e.DefinitionId));
        Assert.All(history.Take(startRows), e => Assert.Equal(("alice", startedAt), (e.UserId, e.Timestamp)));
        Assert.All(history.Skip(startRows), e => Assert.Equal(("tester", startedAt.AddMinutes(5)), (e.UserId, e.Timestamp)));
        Assert.Equal(task.Id, Assert.Single(history, e => e.Type == HistoryEventType.TaskCreated).TaskId);
        Assert.Equal(task.Id, Assert.Single(history, e => e.Type == HistoryEventType.TaskCompleted).TaskId);
        Assert.All(history.Where(e => e.Type is not (HistoryEventType.TaskCreated or HistoryEventType.TaskCompleted)), e => Assert.Null(e.TaskId));
    }

    [Fact]
    public async Task Variable_rows_show_each_write_s_own_value_across_scripts_and_instances()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="one" scriptFormat="javascript"><bpmn:script>execution.setVariable('n', 1);</bpmn:script></bpmn:scriptTask>
            <bpmn:scriptTask id="two" scriptFormat="javascript"><bpmn:script>execution.setVariable('n', 'two');</bpmn:script></bpmn:scriptTask>
            <bpmn:scriptTask id="again" scriptFormat="javascript"><bpmn:script>execution.setVariable('n', 1);</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end" />
            {{Flow("f0", "start", "one")}}{{Flow("f1", "one", "two")}}{{Flow("f2", "two", "again")}}{{Flow("f3", "again", "end")}}
            """));

        foreach (var _ in Enumerable.Range(0, 2))
        {
            var instance = await h.Engine.StartInstanceAsync("p");
            var writes = (await h.Store.GetHistoryAsync(instance.Id)).Where(e => e.Type == HistoryEventType.VariableSet).Select(e => (e.ElementId, e.Data));
            Assert.Equal([("one", """{"n":1}"""), ("two", """{"n":"two"}"""), ("again", """{"n":1}""")], writes);
            Assert.Equal(1L, instance.Variables["n"]);
        }
    }
}
