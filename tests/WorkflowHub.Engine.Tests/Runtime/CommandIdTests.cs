using System.Buffers.Binary;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

/// <summary>
/// The ids a command creates are version-7 Guids stamped with the command's clock: the first from fresh randomness,
/// the next ones counting up in the random low bits, so they are unique, ordered within the command and sortable by time.
/// </summary>
public class CommandIdTests
{
    [Fact]
    public async Task A_commands_ids_are_version_7_stamped_with_its_clock_and_count_up()
    {
        var h = new EngineHarness();
        h.Clock.Set(new DateTimeOffset(2026, 11, 29, 2, 30, 15, 123, TimeSpan.Zero));
        await h.DeployAsync(Process($$"""
            <bpmn:startEvent id="start" />
            <bpmn:scriptTask id="one" scriptFormat="javascript"><bpmn:script>execution.setVariable('x', 1);</bpmn:script></bpmn:scriptTask>
            <bpmn:endEvent id="end" />
            {{Flow("f0", "start", "one")}}{{Flow("f1", "one", "end")}}
            """));

        var first = await h.Engine.StartInstanceAsync("p");
        h.Clock.Advance(TimeSpan.FromMilliseconds(5));
        var second = await h.Engine.StartInstanceAsync("p");

        foreach (var instance in new[] { first, second })
        {
            var ids = new List<Guid> { instance.Id };
            ids.AddRange((await h.Store.GetHistoryAsync(instance.Id)).Select(e => e.Id));
            var stamp = (ulong)instance.StartedAt.ToUnixTimeMilliseconds();
            for (var i = 0; i < ids.Count; i++)
            {
                var bytes = ids[i].ToByteArray(bigEndian: true);
                Assert.Equal(7, ids[i].Version);
                Assert.Equal(0b10, bytes[8] >> 6);
                Assert.Equal(stamp, BinaryPrimitives.ReadUInt64BigEndian(bytes) >> 16);
                if (i > 0)
                {
                    // Same high half as the command's first id, low half one further (its variant bits kept).
                    Assert.Equal(ids[0].ToString()[..18], ids[i].ToString()[..18]);
                    Assert.True(ids[i - 1].CompareTo(ids[i]) < 0 || LowBitsWrapped(ids[i - 1], ids[i]), $"{ids[i - 1]} then {ids[i]}");
                }
            }

            Assert.Equal(ids.Count, ids.Distinct().Count());
        }

        Assert.True(string.CompareOrdinal(first.Id.ToString(), second.Id.ToString()) < 0);
    }

    /// <summary>Counting up in 62 random bits can wrap once in a (vanishingly rare) command: then the low half restarts.</summary>
    private static bool LowBitsWrapped(Guid before, Guid after)
    {
        var low = BinaryPrimitives.ReadUInt64BigEndian(after.ToByteArray(bigEndian: true).AsSpan(8));
        return before != after && (low & 0x3FFF_FFFF_FFFF_FFFF) == 0;
    }
}
