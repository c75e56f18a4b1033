namespace WorkflowHub.Server.Tests.Security;

/// <summary>Small files for upload tests: a real 1×1 PNG and a Windows executable header.</summary>
public static class HostileFiles
{
    public static readonly byte[] TinyPng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /// <summary>"MZ", the DOS stub and the PE signature: what an .exe renamed to .pdf starts with.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[4096];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        "This program cannot be run in DOS mode."u8.CopyTo(bytes.AsSpan(0x4E));
        bytes[0x80] = (byte)'P';
        bytes[0x81] = (byte)'E';
        return bytes;
    }
}
