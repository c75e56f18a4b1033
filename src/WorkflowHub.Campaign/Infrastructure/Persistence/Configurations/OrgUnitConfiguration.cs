using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(u => u.NameZh).HasMaxLength(FieldLengths.Name);
        builder.Property(u => u.NameEn).HasMaxLength(FieldLengths.Name);
        builder.Property(u => u.ParentCode).HasMaxLength(FieldLengths.Code);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
