using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

internal sealed class JobConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.ToTable(EngineTables.Jobs);
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.DefinitionId).IsRequired();
        builder.Property(j => j.DefinitionKey).IsRequired();
        builder.Property(j => j.ElementId).IsRequired();

        // The store writes every column itself; a database default would make EF skip "true" on insert.
        builder.Property(j => j.Exclusive).ValueGeneratedNever();

        // Acquisition: due_at range, then the lock test; the lock index also serves "next due" after a lock expires.
        builder.HasIndex(j => new { j.DueAt, j.Priority });
        builder.HasIndex(j => new { j.LockOwner, j.LockExpiresAt });
        builder.HasIndex(j => j.InstanceId);
        builder.HasIndex(j => new { j.DefinitionKey, j.InstanceId });
    }
}
