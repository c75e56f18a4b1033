using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Campaign.PostgreSql.Design;

/// <summary>
/// Lets `dotnet ef migrations add --project src/WorkflowHub.Campaign.PostgreSql --startup-project
/// src/WorkflowHub.Campaign.PostgreSql` build the PostgreSQL model of <see cref="CampaignDbContext"/>: a factory in the
/// startup assembly wins over the SQLite one in WorkflowHub.Campaign. No server is contacted.
/// </summary>
internal sealed class CampaignPostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<CampaignDbContext>
{
    public CampaignDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CampaignDbContext>();
        CampaignDbContextOptions.Configure(options, DatabaseProvider.PostgreSql, "Host=127.0.0.1;Database=workflowhub_design");
        return new CampaignDbContext(options.Options);
    }
}
