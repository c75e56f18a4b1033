namespace WorkflowHub.Campaign.Hazards;

/// <summary>A photo or PDF attached to a hazard's file, stored content-addressed by its SHA-256.</summary>
public sealed class HazardEvidence
{
    public Guid Id { get; set; }
    public Guid HazardId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public required string StoragePath { get; set; }
    public required string UploadedBy { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
