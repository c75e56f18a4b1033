namespace WorkflowHub.Campaign.Hazards.Evidence;

/// <summary>Configuration section <c>Storage</c> (evidence part): where evidence files live and how large they may be.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Storage";
    public const string DefaultEvidencePath = "./data/evidence";

    /// <summary>The evidence folder; a relative path is resolved against the content root.</summary>
    public string EvidencePath { get; set; } = DefaultEvidencePath;

    public long MaxEvidenceBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The absolute folder, set once the content root is known.</summary>
    public string FullEvidencePath { get; set; } = string.Empty;
}
