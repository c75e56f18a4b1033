namespace WorkflowHub.Rules.Policy;

/// <summary>
/// Which thresholds were in force: the admin-facing number and a SHA-256 of the canonical content,
/// so a stored decision proves which values it used even if numbering were ever reused.
/// </summary>
public sealed record PolicyVersion(int Number, string ContentHash)
{
    public override string ToString() => $"v{Number} (sha256:{ContentHash[..Math.Min(12, ContentHash.Length)]})";
}
