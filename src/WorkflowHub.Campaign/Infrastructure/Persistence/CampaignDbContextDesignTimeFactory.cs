using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the server.</summary>
public sealed class CampaignDbContextDesignTimeFactory : IDesignTimeDbContextFactory<CampaignDbContext>
{
    public CampaignDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        CampaignDbContextOptions.Configure(options, StorageOptions.BuildConnectionString("design-time.db"));
        return new CampaignDbContext(options.Options);
    }
}
