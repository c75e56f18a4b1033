namespace WorkflowHub.Campaign.Hazards.Evidence;

/// <summary>
/// The evidence formats accepted, recognised by their first bytes (not by the name or the declared type, which the
/// uploader controls): JPEG, PNG and PDF.
/// </summary>
public static class EvidenceKind
{
    private static readonly (byte[] Magic, string ContentType, string Extension)[] Known =
    [
        ([0xFF, 0xD8, 0xFF], "image/jpeg", ".jpg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", ".png"),
        ("%PDF-"u8.ToArray(), "application/pdf", ".pdf"),
    ];

    public const int HeaderLength = 8;

    /// <summary>The content type the header shows, or null when it is none of the accepted formats.</summary>
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> header)
    {
        foreach (var (magic, contentType, extension) in Known)
        {
            if (header.StartsWith(magic))
            {
                return (contentType, extension);
            }
        }

        return null;
    }
}
