using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Domain;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.OrgUnitCode).HasMaxLength(FieldLengths.Code);
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.Name);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.OrgUnitCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.OrgUnitCode);
    }
}
