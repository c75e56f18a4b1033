namespace WorkflowHub.Reliability.Tests.Crash;

/// <summary>The crash test runs alone: it starts a server five times over and its timings should not compete with other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashSafetyCollection
{
    public const string Name = "Crash safety";
}
