using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks. SQLite keeps DateTimeOffset as text that it cannot order or
/// compare correctly across offsets; an integer column lets due-time comparisons and ORDER BY run in SQL, on an index.
/// Values come back with offset zero (the same instant).
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
