using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>Campaign data and ASP.NET Core Identity accounts in one SQLite database.</summary>
public sealed class CampaignDbContext(DbContextOptions<CampaignDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole, string>(options)
{
    public const string MigrationsHistoryTable = "__CampaignMigrationsHistory";

    public DbSet<CampaignProfile> CampaignProfiles => Set<CampaignProfile>();
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaUnit> AreaUnits => Set<AreaUnit>();
    public DbSet<AreaTask> AreaTasks => Set<AreaTask>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<Hazard> Hazards => Set<Hazard>();
    public DbSet<HazardEvidence> HazardEvidence => Set<HazardEvidence>();
    public DbSet<HazardNumberCounter> HazardNumberCounters => Set<HazardNumberCounter>();
    public DbSet<InstitutionalMeasure> InstitutionalMeasures => Set<InstitutionalMeasure>();
    public DbSet<TargetReport> TargetReports => Set<TargetReport>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IncrementVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IncrementVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CampaignDbContext).Assembly, type => type.Namespace == typeof(CampaignDbContext).Namespace + ".Configurations");
    }

    /// <summary>
    /// Each saved change of an <see cref="IVersioned"/> entity moves its version on by one. The UPDATE's WHERE clause
    /// carries the original version, so a writer holding a stale copy updates no row and gets a concurrency error.
    /// </summary>
    private void IncrementVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            var version = entry.Property(e => e.Version);
            switch (entry.State)
            {
                case EntityState.Added:
                    version.CurrentValue = 1;
                    break;
                case EntityState.Modified:
                    version.CurrentValue = version.OriginalValue + 1;
                    break;
            }
        }
    }
}
