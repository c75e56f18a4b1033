using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Hazards.Tallies;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

/// <summary>
/// The hazard tallies are written only by the triggers of migration <c>HazardTallies</c> (both providers); the key
/// leads with area and district so an all-seeing overview reads them in the order it adds them up.
/// </summary>
internal sealed class HazardTallyConfiguration : IEntityTypeConfiguration<HazardTally>, IEntityTypeConfiguration<HazardMonthTally>, IEntityTypeConfiguration<HazardDueTally>
{
    public void Configure(EntityTypeBuilder<HazardTally> builder)
    {
        builder.ToTable("HazardTallies");
        builder.HasKey(t => new { t.AreaCode, t.DistrictCode, t.ResponsibleUnitCode, t.State, t.Grade });
        builder.Property(t => t.AreaCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.DistrictCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.ResponsibleUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(t => t.Grade).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.HasIndex(t => new { t.ResponsibleUnitCode, t.DistrictCode });
        builder.HasIndex(t => t.DistrictCode);
    }

    public void Configure(EntityTypeBuilder<HazardMonthTally> builder)
    {
        builder.ToTable("HazardMonthTallies");
        builder.HasKey(t => new { t.DistrictCode, t.ResponsibleUnitCode, t.Month });
        builder.Property(t => t.DistrictCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.ResponsibleUnitCode).HasMaxLength(FieldLengths.Code);
        builder.HasIndex(t => t.ResponsibleUnitCode);
    }

    public void Configure(EntityTypeBuilder<HazardDueTally> builder)
    {
        builder.ToTable("HazardDueTallies");
        builder.HasKey(t => new { t.AreaCode, t.DistrictCode, t.ResponsibleUnitCode, t.DueSpan });
        builder.Property(t => t.AreaCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.DistrictCode).HasMaxLength(FieldLengths.Code);
        builder.Property(t => t.ResponsibleUnitCode).HasMaxLength(FieldLengths.Code);
        builder.HasIndex(t => new { t.ResponsibleUnitCode, t.DueSpan });
        builder.HasIndex(t => new { t.DistrictCode, t.DueSpan });
    }
}
