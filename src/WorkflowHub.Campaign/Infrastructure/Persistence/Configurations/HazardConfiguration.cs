using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class HazardConfiguration : IEntityTypeConfiguration<Hazard>
{
    public const int NumberLength = 16;

    /// <summary>An accident report number, e.g. "哈应急事调〔2021〕12号".</summary>
    public const int AccidentReferenceLength = 64;

    /// <summary>A short account of the accident; the investigation report itself is kept elsewhere.</summary>
    public const int AccidentDescriptionLength = 1000;

    public void Configure(EntityTypeBuilder<Hazard> builder)
    {
        builder.StoreInstantsAsNumbers();
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Number).HasMaxLength(NumberLength);
        builder.HasIndex(h => h.Number).IsUnique();
        builder.Property(h => h.Title).HasMaxLength(FieldLengths.Name);
        builder.Property(h => h.Description).HasMaxLength(FieldLengths.Text);
        builder.Property(h => h.AreaCode).HasMaxLength(FieldLengths.Code);
        builder.Property(h => h.DistrictCode).HasMaxLength(FieldLengths.Code);
        builder.Property(h => h.ResponsibleUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(h => h.EnterpriseUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(h => h.EnterpriseName).HasMaxLength(FieldLengths.Name);
        builder.Property(h => h.Location).HasMaxLength(FieldLengths.Name);
        builder.Property(h => h.ReportedBy).HasMaxLength(FieldLengths.Name);
        builder.Property(h => h.Source).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(h => h.Grade).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(h => h.State).HasConversion<string>().HasMaxLength(FieldLengths.Kind);
        builder.Property(h => h.AccidentReference).HasMaxLength(AccidentReferenceLength);
        builder.Property(h => h.AccidentDescription).HasMaxLength(AccidentDescriptionLength);
        builder.Property(h => h.AccidentLinkedBy).HasMaxLength(FieldLengths.Name);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasOne<Area>().WithMany().HasForeignKey(h => h.AreaCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(h => h.DistrictCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(h => h.ResponsibleUnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(h => h.EnterpriseUnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(h => h.InstanceId);
        // Each visibility column leads an index that also carries what the campaign overview counts (area, state,
        // district, grade, due) and what the trends bucket by month (reported, closed), so both are answered from the
        // index alone, for everyone and for one unit.
        builder.HasIndex(h => new { h.AreaCode, h.State, h.DistrictCode, h.Grade, h.DueAt, h.ReportedAt, h.ClosedAt });
        builder.HasIndex(h => new { h.DistrictCode, h.State, h.AreaCode, h.Grade, h.DueAt, h.ReportedAt, h.ClosedAt });
        builder.HasIndex(h => new { h.ResponsibleUnitCode, h.State, h.AreaCode, h.DistrictCode, h.Grade, h.DueAt, h.ReportedAt, h.ClosedAt });

        // The registry of a department or a district, newest first: its page read in number order, not all its hazards sorted.
        builder.HasIndex(h => new { h.ResponsibleUnitCode, h.Number });
        builder.HasIndex(h => new { h.DistrictCode, h.Number });

        // Overdue = due passed and not closed: counted from this index without reading the rows, and the part of the
        // overview's overdue count the due tallies leave (the deadlines of the last few days) with the visibility columns.
        builder.HasIndex(h => new { h.DueAt, h.State, h.AreaCode, h.DistrictCode, h.ResponsibleUnitCode });
    }
}
