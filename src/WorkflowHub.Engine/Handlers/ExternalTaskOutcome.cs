namespace WorkflowHub.Engine;

public enum ExternalTaskOutcome
{
    Success,
    BpmnError,
    Failure,
}
