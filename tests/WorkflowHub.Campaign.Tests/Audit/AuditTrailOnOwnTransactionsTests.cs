namespace WorkflowHub.Campaign.Tests.Audit;

/// <summary>The audit chain without an engine store: each batch of entries in a transaction of its own.</summary>
public sealed class AuditTrailOnOwnTransactionsTests : AuditTrailTests
{
    protected override bool WithEngineStore => false;
}
