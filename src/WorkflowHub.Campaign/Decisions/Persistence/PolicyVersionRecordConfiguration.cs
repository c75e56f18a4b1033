using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkflowHub.Campaign.Decisions;

// The context applies the configurations of this namespace only; the file lives with its feature.
namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class PolicyVersionRecordConfiguration : IEntityTypeConfiguration<PolicyVersionRecord>
{
    public void Configure(EntityTypeBuilder<PolicyVersionRecord> builder)
    {
        builder.ToTable("PolicyVersions");
        builder.HasKey(p => p.Number);
        builder.Property(p => p.Number).ValueGeneratedNever();
        builder.Property(p => p.Json).HasMaxLength(FieldLengths.Text);
        builder.Property(p => p.ContentHash).HasMaxLength(FieldLengths.Code);
        builder.Property(p => p.CreatedBy).HasMaxLength(FieldLengths.Name);
        builder.Property(p => p.Comment).HasMaxLength(FieldLengths.Text);
        builder.Property(p => p.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
    }
}
