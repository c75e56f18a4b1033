using System.Reflection;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Persistence.InMemory;

namespace WorkflowHub.Engine.Tests.Persistence;

/// <summary>
/// The in-memory store copies instance rows field by field (faster than <see cref="InstanceRecord.Clone"/>): every
/// property must survive the trip in and out, and neither side may share the object with the other.
/// </summary>
public class InMemoryInstanceCopyTests
{
    private static InstanceRecord FullyPopulated() => new()
    {
        Id = Guid.CreateVersion7(),
        DefinitionId = "def-1",
        DefinitionKey = "key",
        DefinitionVersion = 7,
        BusinessKey = "bk-42",
        State = InstanceState.Terminated,
        ParentInstanceId = Guid.CreateVersion7(),
        StartedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8)),
        EndedAt = new DateTimeOffset(2026, 11, 29, 11, 30, 0, TimeSpan.Zero),
        StartedBy = "alice",
        Version = 3,
        Document = """{"n":2}""",
    };

    private static void AssertSameValues(InstanceRecord expected, InstanceRecord actual)
    {
        var properties = typeof(InstanceRecord).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        Assert.NotEmpty(properties);
        foreach (var property in properties)
        {
            var value = property.GetValue(expected);
            Assert.True(value is not null && !value.Equals(property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null), $"The sample leaves {property.Name} at its default: set it so the copy is really checked.");
            Assert.Equal(value, property.GetValue(actual));
        }
    }

    [Fact]
    public async Task Every_property_survives_insert_update_and_reads_and_no_object_is_shared()
    {
        var store = new InMemoryEngineStore();
        var original = FullyPopulated();
        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(original);
            await tx.CommitAsync();
        }

        original.BusinessKey = "changed after commit";
        var read = (await store.FindInstanceAsync(original.Id))!;
        Assert.NotSame(original, read);
        Assert.Equal("bk-42", read.BusinessKey);
        original.BusinessKey = "bk-42";
        AssertSameValues(original, read);

        read.Document = """{"n":3}""";
        read.Version = 4;
        await using (var tx = await store.BeginAsync())
        {
            tx.UpdateInstance(read, expectedVersion: 3);
            await tx.CommitAsync();
        }

        read.StartedBy = "mallory";
        var reread = (await store.FindInstanceAsync(original.Id))!;
        Assert.Equal("alice", reread.StartedBy);
        read.StartedBy = "alice";
        AssertSameValues(read, reread);

        var queried = Assert.Single((await store.QueryInstancesAsync(new InstanceQuery { DefinitionKey = "key" })).Items);
        Assert.NotSame(reread, queried);
        AssertSameValues(reread, queried);
    }
}
