namespace WorkflowHub.Engine.EntityFrameworkCore.DependencyInjection;

/// <summary>Settings of the EF engine store registration.</summary>
public sealed class EngineStoreOptions
{
    /// <summary>Contexts kept for reuse; one is in use per concurrent engine command or query.</summary>
    public int ContextPoolSize { get; set; } = 128;
}
