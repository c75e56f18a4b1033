using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

internal sealed class InstanceConfiguration : IEntityTypeConfiguration<InstanceRecord>
{
    public void Configure(EntityTypeBuilder<InstanceRecord> builder)
    {
        builder.ToTable(EngineTables.Instances);
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.DefinitionId).IsRequired();
        builder.Property(i => i.DefinitionKey).IsRequired();
        builder.Property(i => i.Document).IsRequired();

        // UPDATE ... WHERE id = @id AND version = @expected: zero rows means another command saved first.
        builder.Property(i => i.Version).IsConcurrencyToken();

        builder.HasIndex(i => new { i.DefinitionKey, i.StartedAt });
        builder.HasIndex(i => new { i.State, i.StartedAt });
        builder.HasIndex(i => i.StartedAt);
        builder.HasIndex(i => i.DefinitionId);
        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => i.ParentInstanceId);
    }
}
