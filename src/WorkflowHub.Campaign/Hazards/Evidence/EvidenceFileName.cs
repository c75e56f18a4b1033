namespace WorkflowHub.Campaign.Hazards.Evidence;

/// <summary>Makes an uploaded file name safe to store and show: no folders, no control or reserved characters, bounded length.</summary>
public static class EvidenceFileName
{
    public const int MaxLength = 120;
    private static readonly char[] Reserved = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    public static string Sanitize(string? uploaded, string extension)
    {
        // Only the last segment counts: "../../etc/passwd" and "C:\x\y.jpg" keep their file part alone.
        var name = (uploaded ?? string.Empty).Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var cleaned = new string(name.Select(c => char.IsControl(c) || Array.IndexOf(Reserved, c) >= 0 ? '_' : c).ToArray()).Trim().Trim('.');
        var stem = Path.GetFileNameWithoutExtension(cleaned);
        if (string.IsNullOrWhiteSpace(stem))
        {
            stem = "evidence";
        }

        if (stem.Length > MaxLength - extension.Length)
        {
            stem = stem[..(MaxLength - extension.Length)];
        }

        // The extension follows the content, so a PDF named photo.jpg is stored as photo.pdf.
        return stem + extension;
    }
}
