using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkflowHub.Campaign.Decisions;

// The context applies the configurations of this namespace only; the file lives with its feature.
namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class DecisionRecordConfiguration : IEntityTypeConfiguration<DecisionRecord>
{
    public void Configure(EntityTypeBuilder<DecisionRecord> builder)
    {
        builder.ToTable("DecisionRecords");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(d => d.SubjectType).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(d => d.SubjectId).HasMaxLength(FieldLengths.Code);
        builder.Property(d => d.SubjectLabel).HasMaxLength(FieldLengths.Name);
        builder.Property(d => d.AddresseeUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(d => d.RuleName).HasMaxLength(FieldLengths.Name);
        builder.Property(d => d.RuleSetVersion).HasMaxLength(FieldLengths.Name);
        builder.Property(d => d.PolicyHash).HasMaxLength(FieldLengths.Code);
        builder.Property(d => d.ReasonZh).HasMaxLength(FieldLengths.Text);
        builder.Property(d => d.ReasonEn).HasMaxLength(FieldLengths.Text);
        builder.Property(d => d.TriggerKind).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(d => d.TriggerDetail).HasMaxLength(FieldLengths.Text);
        builder.Property(d => d.StartedWorkflowKey).HasMaxLength(FieldLengths.Code);
        builder.Property(d => d.Outcome).HasMaxLength(FieldLengths.Name);

        // SQLite cannot compare or order DateTimeOffset columns; as UTC ticks it can, so the period filter runs in SQL.
        builder.Property(d => d.DecidedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(d => d.OutcomeAt).HasConversion(new DateTimeOffsetToBinaryConverter());

        builder.HasIndex(d => new { d.SubjectType, d.SubjectId, d.DecidedAt });
        builder.HasIndex(d => new { d.AddresseeUnitCode, d.DecidedAt });
        builder.HasIndex(d => d.DecidedAt);
        builder.HasIndex(d => d.StartedInstanceId);

        // The guard against a rung recorded twice by evaluations running at once (the sweep and a change event).
        builder.HasIndex(d => new { d.RuleName, d.SubjectType, d.SubjectId, d.Occurrence }).IsUnique();
    }
}
