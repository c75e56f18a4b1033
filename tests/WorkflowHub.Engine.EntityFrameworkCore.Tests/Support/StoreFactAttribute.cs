using Xunit.Sdk;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

/// <summary>
/// A fact of a store contract shared by several stores. It runs like <see cref="FactAttribute"/>, except in a test class
/// marked <see cref="RequiresPostgreSqlAttribute"/> on a machine without PostgreSQL, where it is skipped with the reason.
/// </summary>
[XunitTestCaseDiscoverer("WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.StoreFactDiscoverer", "WorkflowHub.Engine.EntityFrameworkCore.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;
