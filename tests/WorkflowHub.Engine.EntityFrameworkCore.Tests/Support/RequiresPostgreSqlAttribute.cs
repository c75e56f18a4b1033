namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

/// <summary>Marks a test class whose <see cref="StoreFactAttribute"/> facts run on PostgreSQL (and are skipped without it).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgreSqlAttribute : Attribute;
