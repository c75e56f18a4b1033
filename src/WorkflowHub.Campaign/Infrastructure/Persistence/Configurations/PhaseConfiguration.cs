using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> builder)
    {
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(FieldLengths.Code);
        builder.Property(p => p.NameZh).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.NameEn).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Order);
    }
}
