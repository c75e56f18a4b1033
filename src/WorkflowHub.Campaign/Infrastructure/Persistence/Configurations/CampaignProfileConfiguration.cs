using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class CampaignProfileConfiguration : IEntityTypeConfiguration<CampaignProfile>
{
    public void Configure(EntityTypeBuilder<CampaignProfile> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.NameZh).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.NameEn).HasMaxLength(FieldLengths.Name);
        builder.Property(c => c.PlanSha256).HasMaxLength(64);
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}
