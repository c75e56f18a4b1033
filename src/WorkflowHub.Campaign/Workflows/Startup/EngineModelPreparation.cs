using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Engine.EntityFrameworkCore;

namespace WorkflowHub.Campaign.Workflows.Startup;

/// <summary>Builds the engine store's EF Core model before <see cref="MigrateEngineDatabaseStep"/> needs it (see <see cref="EfEngineStore.PrepareModel"/>).</summary>
public sealed class EngineModelPreparation : IStartupPreparation
{
    public void Prepare(IServiceProvider services) => services.GetRequiredService<EfEngineStore>().PrepareModel();
}
