using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Notifications;

// The context applies the configurations of this namespace only; the file lives with its feature.
namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.StoreInstantsAsNumbers();
        builder.HasKey(n => n.Id);
        builder.Property(n => n.AddresseeUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(n => n.TitleZh).HasMaxLength(FieldLengths.Name);
        builder.Property(n => n.TitleEn).HasMaxLength(FieldLengths.Name);
        builder.Property(n => n.BodyZh).HasMaxLength(FieldLengths.Text);
        builder.Property(n => n.BodyEn).HasMaxLength(FieldLengths.Text);
        builder.Property(n => n.DefinitionKey).HasMaxLength(FieldLengths.Code);
        builder.Property(n => n.ElementId).HasMaxLength(FieldLengths.Code);
        builder.Property(n => n.BusinessKey).HasMaxLength(FieldLengths.Code);
        builder.Property(n => n.ReadBy).HasMaxLength(FieldLengths.Name);
        builder.HasIndex(n => new { n.AddresseeUnitCode, n.CreatedAt });
    }
}
