using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

internal sealed class HazardNumberCounterConfiguration : IEntityTypeConfiguration<HazardNumberCounter>
{
    public const string TableName = "HazardNumberCounters";

    public void Configure(EntityTypeBuilder<HazardNumberCounter> builder)
    {
        builder.ToTable(TableName);
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
    }
}
