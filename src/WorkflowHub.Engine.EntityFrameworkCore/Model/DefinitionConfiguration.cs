using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

internal sealed class DefinitionConfiguration : IEntityTypeConfiguration<DefinitionRecord>
{
    public void Configure(EntityTypeBuilder<DefinitionRecord> builder)
    {
        builder.ToTable(EngineTables.Definitions);
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Key).IsRequired();
        builder.Property(d => d.Xml).IsRequired();
        builder.Property(d => d.ContentHash).IsRequired();

        // One row per (key, version): a concurrent deploy of the same version fails on this index. It also serves "latest version of key".
        builder.HasIndex(d => new { d.Key, d.Version }).IsUnique();
    }
}
