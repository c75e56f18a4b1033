namespace WorkflowHub.Engine.Runtime.State;

internal enum WaitKind
{
    None = 0,
    UserTask = 1,
    Message = 2,
    Timer = 3,
    ExternalTask = 4,
    CallActivity = 5,
    Join = 6,
    EventGateway = 7,
    AsyncBefore = 8,
    AsyncAfter = 9,
    Incident = 10,
    Children = 11,
}
