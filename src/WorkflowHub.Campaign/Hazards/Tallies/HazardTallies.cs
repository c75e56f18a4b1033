using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using WorkflowHub.Campaign.Features.Lists;

namespace WorkflowHub.Campaign.Hazards.Tallies;

/// <summary>
/// The arithmetic the tally triggers do in SQL, on the stored form of instants (<see cref="DateTimeOffsetToBinaryConverter"/>:
/// ticks / 1000 shifted left 11 bits, the offset in minutes in the low 11 bits), mirrored here for the readers.
/// </summary>
public static class HazardTallies
{
    /// <summary>
    /// The stored instant shifted right by this many bits is its due span: 2^32 units of 100 µs, about 4.97 days. Spans
    /// that small keep the part of "overdue" counted from the hazards (the current span) a few days' deadlines long.
    /// </summary>
    public const int DueSpanShift = 43;

    private static readonly DateTimeOffsetToBinaryConverter Stored = new();

    /// <summary>The due span of an instant, as the triggers compute it from the stored value.</summary>
    public static long DueSpanOf(DateTimeOffset instant) => Stored.ConvertToProviderTyped(instant) >> DueSpanShift;

    /// <summary>The first instant of a due span: it stores as exactly the span's lowest value, so comparisons in SQL agree.</summary>
    public static DateTimeOffset DueSpanStart(long span) => Stored.ConvertFromProviderTyped(span << DueSpanShift);

    /// <summary>A month as a number that sorts and steps: year × 12 + month − 1, in the city's calendar.</summary>
    public static int MonthOf(DateTimeOffset instant)
    {
        // The triggers add the same 8 hours in SQL.
        var local = instant.ToOffset(ListExportContext.CityOffset);
        return (local.Year * 12) + local.Month - 1;
    }
}
