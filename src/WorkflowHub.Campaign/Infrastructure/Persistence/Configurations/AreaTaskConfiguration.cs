using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class AreaTaskConfiguration : IEntityTypeConfiguration<AreaTask>
{
    public void Configure(EntityTypeBuilder<AreaTask> builder)
    {
        builder.HasKey(t => new { t.AreaCode, t.Number });
        builder.Property(t => t.AreaCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.TextZh).HasMaxLength(FieldLengths.Text);
        builder.Property(t => t.SummaryEn).HasMaxLength(FieldLengths.Text);
        builder.Property(t => t.Version).IsConcurrencyToken();
    }
}
