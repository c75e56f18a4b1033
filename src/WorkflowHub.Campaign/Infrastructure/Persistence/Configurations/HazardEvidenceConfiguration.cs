using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class HazardEvidenceConfiguration : IEntityTypeConfiguration<HazardEvidence>
{
    public void Configure(EntityTypeBuilder<HazardEvidence> builder)
    {
        builder.StoreInstantsAsNumbers();
        builder.HasKey(e => e.Id);
        builder.Property(e => e.FileName).HasMaxLength(FieldLengths.Name);
        builder.Property(e => e.ContentType).HasMaxLength(FieldLengths.Code);
        builder.Property(e => e.Sha256).HasMaxLength(FieldLengths.Code);
        builder.Property(e => e.StoragePath).HasMaxLength(FieldLengths.Text);
        builder.Property(e => e.UploadedBy).HasMaxLength(FieldLengths.Name);
        builder.HasOne<Hazard>().WithMany().HasForeignKey(e => e.HazardId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.HazardId, e.UploadedAt });
    }
}
