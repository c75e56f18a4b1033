namespace WorkflowHub.Engine.Persistence;

/// <summary>
/// The first id of a command as its two 64-bit halves (big-endian byte order). The command's further ids count up in
/// the 62 random low bits (see the engine's CommandIdGenerator), so id number <c>n</c> of the command is computed
/// from this base and <c>n</c>: a history row keeps a 4-byte number instead of a 16-byte Guid.
/// </summary>
internal readonly record struct CommandIdBase(ulong High, ulong Low)
{
    /// <summary>The two variant bits at the top of the low half, which counting never changes.</summary>
    private const ulong VariantBits = 0xC000_0000_0000_0000;

    /// <summary>The base of an arbitrary id: its id number 0 is the id itself.</summary>
    public static CommandIdBase Of(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        return new CommandIdBase(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes), System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
    }

    /// <summary>Id number <paramref name="ordinal"/> of the command: the low half advanced by it, its variant bits kept.</summary>
    public Guid At(int ordinal)
    {
        var low = (Low & VariantBits) | ((Low + (ulong)ordinal) & ~VariantBits);

        // The Guid whose big-endian bytes are High then low, built from its fields without a byte buffer.
        return new Guid(
            (uint)(High >> 32), (ushort)(High >> 16), (ushort)High,
            (byte)(low >> 56), (byte)(low >> 48), (byte)(low >> 40), (byte)(low >> 32),
            (byte)(low >> 24), (byte)(low >> 16), (byte)(low >> 8), (byte)low);
    }
}
