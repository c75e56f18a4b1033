using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class TargetReportConfiguration : IEntityTypeConfiguration<TargetReport>
{
    public void Configure(EntityTypeBuilder<TargetReport> builder)
    {
        builder.StoreInstantsAsNumbers();
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TargetCode).HasMaxLength(FieldLengths.Code);
        builder.Property(r => r.EvidenceNote).HasMaxLength(FieldLengths.Text);
        builder.Property(r => r.ReportedBy).HasMaxLength(FieldLengths.Name);
        builder.Property(r => r.OrgUnitCode).HasMaxLength(FieldLengths.Code);
        builder.HasOne<Target>().WithMany().HasForeignKey(r => r.TargetCode).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.TargetCode, r.AsOf });
    }
}
