using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;

/// <summary>
/// SQLite has no date type: instants stored as numbers (UTC ticks with the offset) compare and sort in SQL,
/// which lists filtered by "overdue" and ordered by time need.
/// </summary>
internal static class SortableInstants
{
    public static void StoreInstantsAsNumbers<T>(this EntityTypeBuilder<T> builder)
        where T : class
    {
        foreach (var property in builder.Metadata.GetDeclaredProperties())
        {
            if (property.ClrType == typeof(DateTimeOffset) || property.ClrType == typeof(DateTimeOffset?))
            {
                builder.Property(property.Name).HasConversion(new DateTimeOffsetToBinaryConverter());
            }
        }
    }
}
