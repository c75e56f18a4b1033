using System.Globalization;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>Hands out hazard numbers: "YH" + year + six-digit sequence within the year (YH2020000123).</summary>
public static class HazardNumbers
{
    public const string Prefix = "YH";

    public static string Format(int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{year:D4}{sequence:D6}");

    /// <summary>
    /// Reserves <paramref name="count"/> consecutive numbers of <paramref name="year"/> with one upsert, which also takes
    /// SQLite's write lock (PostgreSQL: the counter row's lock), so concurrent reporters never get the same number. The
    /// existing value is named by its table, which both SQLite and PostgreSQL read as the row before the update. Call it inside the caller's transaction
    /// so a rolled-back report gives its numbers back.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReserveAsync(CampaignDbContext db, int year, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var last = await db.Database.SqlQuery<int>($"""
            INSERT INTO "HazardNumberCounters" ("Year", "Last") VALUES ({year}, {count})
            ON CONFLICT("Year") DO UPDATE SET "Last" = "HazardNumberCounters"."Last" + {count}
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken);
        var end = last.Single();
        return Enumerable.Range(end - count + 1, count).Select(n => Format(year, n)).ToList();
    }
}
