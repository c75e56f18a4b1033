using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Campaign.Tests.Infrastructure;

namespace WorkflowHub.Campaign.Tests;

/// <summary>The application-maintained concurrency token (SQLite never fills a [Timestamp] column).</summary>
public sealed class VersioningTests
{
    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.OrgUnits.Add(new OrgUnit { Code = "city-emergency", Kind = OrgUnitKind.Department, NameZh = "市应急管理局", NameEn = "Emergency" });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Version_starts_at_1_and_moves_on_with_each_saved_change_only()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database);

        await using (var db = database.CreateContext())
        {
            var unit = await db.OrgUnits.SingleAsync();
            Assert.Equal(1, unit.Version);
            unit.NameEn = "Emergency Management Bureau";
            await db.SaveChangesAsync();
            Assert.Equal(2, unit.Version);

            unit.NameEn = "Emergency Management Bureau";
            await db.SaveChangesAsync();
            Assert.Equal(2, unit.Version);
        }

        await using var check = database.CreateContext();
        Assert.Equal(2, (await check.OrgUnits.SingleAsync()).Version);
    }

    [Fact]
    public async Task A_writer_holding_a_stale_copy_gets_a_concurrency_error_and_changes_nothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var firstCopy = await first.OrgUnits.SingleAsync();
        var secondCopy = await second.OrgUnits.SingleAsync();

        firstCopy.NameZh = "第一个";
        await first.SaveChangesAsync();
        secondCopy.NameZh = "第二个";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        await using var check = database.CreateContext();
        var stored = await check.OrgUnits.SingleAsync();
        Assert.Equal(("第一个", 2L), (stored.NameZh, stored.Version));
    }
}
