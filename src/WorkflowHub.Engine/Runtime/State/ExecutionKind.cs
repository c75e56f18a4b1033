namespace WorkflowHub.Engine.Runtime.State;

internal enum ExecutionKind
{
    /// <summary>The process instance scope; holds the instance variables.</summary>
    Root = 0,

    /// <summary>A token sitting on a flow node.</summary>
    Token = 1,

    /// <summary>An active embedded sub-process: its children run inside it.</summary>
    SubProcess = 2,

    /// <summary>The body of a multi-instance activity: its children are the instances.</summary>
    MultiInstanceBody = 3,

    /// <summary>An active event sub-process.</summary>
    EventSubProcess = 4,
}
