using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Workflows.Drafts;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class WorkflowDraftConfiguration : IEntityTypeConfiguration<WorkflowDraft>
{
    public void Configure(EntityTypeBuilder<WorkflowDraft> builder)
    {
        builder.ToTable("WorkflowDrafts");
        builder.HasKey(d => d.Key);
        builder.Property(d => d.Key).HasMaxLength(WorkflowDraft.KeyMaxLength);
        builder.Property(d => d.UpdatedBy).HasMaxLength(FieldLengths.Name);
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
