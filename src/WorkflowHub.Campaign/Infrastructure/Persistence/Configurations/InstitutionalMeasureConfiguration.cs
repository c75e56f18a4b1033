using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class InstitutionalMeasureConfiguration : IEntityTypeConfiguration<InstitutionalMeasure>
{
    public void Configure(EntityTypeBuilder<InstitutionalMeasure> builder)
    {
        builder.StoreInstantsAsNumbers();
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Number).HasMaxLength(FieldLengths.Code);
        builder.HasIndex(m => m.Number).IsUnique();
        builder.Property(m => m.Title).HasMaxLength(FieldLengths.Name);
        builder.Property(m => m.Content).HasMaxLength(FieldLengths.Text);
        builder.Property(m => m.AreaCode).HasMaxLength(FieldLengths.Code);
        builder.Property(m => m.ResponsibleUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(m => m.State).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<Area>().WithMany().HasForeignKey(m => m.AreaCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.ResponsibleUnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.AreaCode, m.State });
    }
}
