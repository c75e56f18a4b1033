namespace WorkflowHub.Campaign.Infrastructure.Startup;

/// <summary>
/// Work that start-up steps need but that touches no database (building an EF Core model, a script runtime's one-time
/// initialisation): run on another core while the host is still configuring its pipeline, instead of inside a step.
/// It must be safe to run at the same time as the step that needs it (the step then waits for it or does it itself,
/// never twice), and a failure is ignored here: the step that needs the work meets it again and reports it.
/// </summary>
public interface IStartupPreparation
{
    void Prepare(IServiceProvider services);
}
