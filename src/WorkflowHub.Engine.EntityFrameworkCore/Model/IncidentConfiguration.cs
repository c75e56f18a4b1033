using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.ToTable(EngineTables.Incidents);
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.DefinitionId).IsRequired();
        builder.Property(i => i.DefinitionKey).IsRequired();
        builder.Property(i => i.ElementId).IsRequired();
        builder.Property(i => i.Type).IsRequired();
        builder.Property(i => i.Message).IsRequired();

        builder.HasIndex(i => new { i.State, i.CreatedAt });
        builder.HasIndex(i => new { i.InstanceId, i.State });
        builder.HasIndex(i => new { i.DefinitionKey, i.State });
    }
}
