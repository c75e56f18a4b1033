using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.HasKey(t => t.Code);
        builder.Property(t => t.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.AreaCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.MeasureZh).HasMaxLength(FieldLengths.Text);
        builder.Property(t => t.MeasureEn).HasMaxLength(FieldLengths.Text);
        builder.Property(t => t.Unit).HasMaxLength(FieldLengths.Unit);
        builder.Property(t => t.ResponsibleUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.ResponsibleUnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => t.Deadline);
    }
}
