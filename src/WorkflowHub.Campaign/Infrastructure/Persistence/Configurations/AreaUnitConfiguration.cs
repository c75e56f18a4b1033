using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class AreaUnitConfiguration : IEntityTypeConfiguration<AreaUnit>
{
    public void Configure(EntityTypeBuilder<AreaUnit> builder)
    {
        builder.HasKey(u => new { u.AreaCode, u.OrgUnitCode });
        builder.Property(u => u.AreaCode).HasMaxLength(FieldLengths.Code);
        builder.Property(u => u.OrgUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.OrgUnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.OrgUnitCode);
    }
}
