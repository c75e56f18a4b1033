using System.Buffers.Binary;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Engine.Runtime;

/// <summary>
/// The ids one command creates (its instance, tasks, jobs, history rows): the first is a fresh version-7 Guid (the
/// command's millisecond clock and 74 bits of cryptographic randomness), the next ones count up in its 62 random low
/// bits (<see cref="CommandIdBase"/>). Asking the OS for randomness for every id cost a sixth of a start command, so
/// randomness is drawn in blocks per thread. Ids stay unique (each command starts from fresh randomness), time-ordered
/// across commands and version-7 shaped.
/// </summary>
internal struct CommandIdGenerator
{
    private const ulong VariantBits = 0xC000_0000_0000_0000;

    private const int RandomPerId = 10;

    [ThreadStatic]
    private static byte[]? t_random;

    [ThreadStatic]
    private static int t_randomUsed;

    private CommandIdBase _base;
    private int _issued;

    /// <summary>The command's first id, from which every further one is counted (valid once an id was issued).</summary>
    public readonly CommandIdBase Base => _base;

    /// <summary>The next id; <paramref name="now"/>, the command's clock, stamps the first one.</summary>
    public Guid Next(DateTimeOffset now) => _base.At(NextOrdinal(now));

    /// <summary>The number of the next id (see <see cref="CommandIdBase.At"/>) without building it.</summary>
    public int NextOrdinal(DateTimeOffset now)
    {
        if (_issued == 0)
        {
            var random = TakeRandom();
            var unixMilliseconds = (ulong)now.ToUnixTimeMilliseconds();
            _base = new CommandIdBase(
                (unixMilliseconds << 16) | 0x7000UL | (BinaryPrimitives.ReadUInt16BigEndian(random) & 0x0FFFUL),
                0x8000_0000_0000_0000UL | (BinaryPrimitives.ReadUInt64BigEndian(random[2..]) & ~VariantBits));
        }

        return _issued++;
    }

    private static ReadOnlySpan<byte> TakeRandom()
    {
        // 1,024 commands' worth per draw: the OS call, not the bytes, is what costs.
        var block = t_random ??= new byte[RandomPerId * 1024];
        if (t_randomUsed == 0 || t_randomUsed + RandomPerId > block.Length)
        {
            System.Security.Cryptography.RandomNumberGenerator.Fill(block);
            t_randomUsed = 0;
        }

        var taken = block.AsSpan(t_randomUsed, RandomPerId);
        t_randomUsed += RandomPerId;
        return taken;
    }
}
