using WorkflowHub.Campaign.Workflows.Drafts;

namespace WorkflowHub.Campaign.Features.Definitions;

/// <summary>A designer draft; <see cref="Version"/> goes back as If-Match with the next save to detect a concurrent edit.</summary>
public sealed record DraftView(string Key, string Xml, string? UpdatedBy, DateTimeOffset UpdatedAt, long Version)
{
    public static DraftView From(WorkflowDraft draft) => new(draft.Key, draft.Xml, draft.UpdatedBy, draft.UpdatedAt, draft.Version);
}
