namespace WorkflowHub.Campaign.Audit;

public enum AuditOutcome
{
    Succeeded,
    Failed,
}
