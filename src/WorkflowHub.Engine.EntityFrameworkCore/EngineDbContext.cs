using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Model;

namespace WorkflowHub.Engine.EntityFrameworkCore;

/// <summary>
/// The engine's tables (all prefixed <c>engine_</c>) with their own migrations history table, so the engine can live in
/// the same database file as the application's context. Mapped straight onto the engine's *Record classes.
/// </summary>
public sealed class EngineDbContext(DbContextOptions<EngineDbContext> options) : DbContext(options)
{
    public DbSet<DefinitionRecord> Definitions => Set<DefinitionRecord>();

    public DbSet<InstanceRecord> Instances => Set<InstanceRecord>();

    public DbSet<UserTaskRecord> Tasks => Set<UserTaskRecord>();

    public DbSet<TaskCandidate> TaskCandidates => Set<TaskCandidate>();

    public DbSet<TaskOffer> TaskOffers => Set<TaskOffer>();

    public DbSet<JobRecord> Jobs => Set<JobRecord>();

    public DbSet<EventSubscriptionRecord> Subscriptions => Set<EventSubscriptionRecord>();

    public DbSet<IncidentRecord> Incidents => Set<IncidentRecord>();

    public DbSet<HistoryEventRecord> History => Set<HistoryEventRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant as UTC ticks: comparable and sortable in SQL on every provider.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(EngineDbContext).Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCaseNames.From(property.Name));
            }
        }
    }
}
