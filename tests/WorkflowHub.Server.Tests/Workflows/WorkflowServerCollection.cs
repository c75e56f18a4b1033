namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>One server for all workflow API tests: each test deploys under its own process key, so they do not interfere.</summary>
[CollectionDefinition(Name)]
public sealed class WorkflowServerCollection : ICollectionFixture<WorkflowServer>
{
    public const string Name = "workflow-server";
}
