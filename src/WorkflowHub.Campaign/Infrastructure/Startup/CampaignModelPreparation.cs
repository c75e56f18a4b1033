using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Campaign.Infrastructure.Startup;

/// <summary>
/// Builds the campaign database's EF Core model (its conventions over every entity: about half a second of CPU, the
/// largest part of <see cref="MigrateDatabaseStep"/>) before that step runs. EF Core builds a model once, under a lock,
/// so the step either finds it built or waits for it; it never opens a connection.
/// </summary>
public sealed class CampaignModelPreparation : IStartupPreparation
{
    public void Prepare(IServiceProvider services) => _ = services.GetRequiredService<CampaignDbContext>().Model;
}
