using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class AreaConfiguration : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> builder)
    {
        builder.HasKey(a => a.Code);
        builder.Property(a => a.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(a => a.NameZh).HasMaxLength(FieldLengths.Name);
        builder.Property(a => a.NameEn).HasMaxLength(FieldLengths.Name);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.Number).IsUnique();
        builder.HasMany(a => a.Units).WithOne().HasForeignKey(u => u.AreaCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Tasks).WithOne().HasForeignKey(t => t.AreaCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Targets).WithOne().HasForeignKey(t => t.AreaCode).OnDelete(DeleteBehavior.Cascade);
    }
}
