using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Workflows.Drafts;

/// <summary>The designer's unpublished work on one process key: saved as often as the admin likes, deployed only by publishing.</summary>
public sealed class WorkflowDraft : IVersioned
{
    public const int KeyMaxLength = 200;

    /// <summary>The BPMN process id the draft is for.</summary>
    public required string Key { get; set; }

    public required string Xml { get; set; }

    public string? UpdatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long Version { get; set; }
}
