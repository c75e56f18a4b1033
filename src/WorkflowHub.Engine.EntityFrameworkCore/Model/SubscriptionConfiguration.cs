using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<EventSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<EventSubscriptionRecord> builder)
    {
        builder.ToTable(EngineTables.Subscriptions);
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.MessageName).IsRequired();
        builder.Property(s => s.DefinitionId).IsRequired();
        builder.Property(s => s.DefinitionKey).IsRequired();
        builder.Property(s => s.ElementId).IsRequired();

        // Correlation: message name, optionally narrowed by business key, in one seek.
        builder.HasIndex(s => new { s.MessageName, s.BusinessKey });
        builder.HasIndex(s => s.InstanceId);
        builder.HasIndex(s => new { s.DefinitionKey, s.InstanceId });
    }
}
