using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkflowHub.Campaign.Audit;

// The context applies the configurations of this namespace only; the file lives with its feature.
namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int HashLength = 64;

    /// <summary>How <see cref="AuditEntry.OccurredAt"/> is stored; the SQLite append writes it the same way.</summary>
    public static readonly DateTimeOffsetToBinaryConverter OccurredAtConverter = new();

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        // One link per number: a second writer appending the same sequence fails instead of forking the chain.
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.Property(e => e.UserId).HasMaxLength(FieldLengths.Code);
        builder.Property(e => e.UserName).HasMaxLength(FieldLengths.Name);
        builder.Property(e => e.OrgUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(e => e.Action).HasMaxLength(FieldLengths.Name);
        builder.Property(e => e.Payload).HasMaxLength(FieldLengths.Text);
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(e => e.Error).HasMaxLength(FieldLengths.Name);
        builder.Property(e => e.PreviousHash).HasMaxLength(HashLength);
        builder.Property(e => e.Hash).HasMaxLength(HashLength);

        // As UTC ticks the period filter and ordering run in SQL on SQLite too.
        builder.Property(e => e.OccurredAt).HasConversion(OccurredAtConverter);
        builder.HasIndex(e => e.OccurredAt);
        builder.HasIndex(e => e.UserName);
    }
}
