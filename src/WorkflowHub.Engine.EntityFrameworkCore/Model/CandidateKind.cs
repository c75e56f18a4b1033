namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

/// <summary>Whether a task candidate row names a user or a group.</summary>
public enum CandidateKind
{
    User = 0,
    Group = 1,
}
