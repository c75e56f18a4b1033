namespace WorkflowHub.Engine.Persistence;

public enum HistoryEventType
{
    InstanceStarted = 0,
    InstanceCompleted = 1,
    InstanceTerminated = 2,
    InstanceCancelled = 3,
    ActivityStarted = 10,
    ActivityCompleted = 11,
    ActivityCancelled = 12,
    SequenceFlowTaken = 13,
    Milestone = 14,
    TaskCreated = 20,
    TaskClaimed = 21,
    TaskCompleted = 22,
    TaskCancelled = 23,
    VariableSet = 30,
    IncidentCreated = 40,
    IncidentResolved = 41,
    MessageCorrelated = 50,
    TimerFired = 51,
    ErrorThrown = 52,
    DecisionEvaluated = 60,
    JobFailed = 70,
}
