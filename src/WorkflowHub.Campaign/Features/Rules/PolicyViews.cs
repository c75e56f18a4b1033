using System.Text.Json;
using WorkflowHub.Campaign.Decisions;

namespace WorkflowHub.Campaign.Features.Rules;

/// <summary>One stored version of the thresholds: who saved it, when, why, and the document itself.</summary>
public sealed record PolicyVersionView(int Number, string ContentHash, string CreatedBy, DateTimeOffset CreatedAt, string? Comment, JsonElement Policy)
{
    public static PolicyVersionView From(PolicyVersionRecord record)
    {
        using var document = JsonDocument.Parse(record.Json);
        return new(record.Number, record.ContentHash, record.CreatedBy, record.CreatedAt, record.Comment, document.RootElement.Clone());
    }
}

/// <summary>The answer to a policy save: the version in force and which keys changed from the one before.</summary>
public sealed record PolicyUpdateView(PolicyVersionView Current, bool Created, IReadOnlyList<string> ChangedKeys);
