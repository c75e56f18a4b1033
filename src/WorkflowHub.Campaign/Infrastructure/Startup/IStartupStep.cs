namespace WorkflowHub.Campaign.Infrastructure.Startup;

/// <summary>
/// Work that must finish before the server takes requests (migrate, import the plan, seed accounts).
/// Each step runs once, in <see cref="StartupStepOrder"/>, in its own scope acting as the system user.
/// A step that throws stops start-up.
/// </summary>
public interface IStartupStep
{
    Task RunAsync(CancellationToken cancellationToken);
}
