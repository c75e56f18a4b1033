namespace WorkflowHub.Campaign.Decisions;

/// <summary>
/// One version of the rule thresholds (rules/policy.json as an admin saved it). Never changed or deleted;
/// the highest <see cref="Number"/> is in force, and every decision names the version it was taken under.
/// </summary>
public sealed class PolicyVersionRecord
{
    public int Number { get; init; }

    /// <summary>The canonical document (<c>RulePolicy.ToJson()</c>), so formatting never makes a version.</summary>
    public required string Json { get; init; }

    /// <summary>SHA-256 of the canonical values, as in <c>PolicyVersion.ContentHash</c>.</summary>
    public required string ContentHash { get; init; }

    public required string CreatedBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? Comment { get; init; }
}
