using Microsoft.EntityFrameworkCore;
using Npgsql;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Hazards.Tallies;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Testing.PostgreSql;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>
/// On PostgreSQL the tally triggers of two transactions that move hazards of one unit in opposite directions (one
/// submits a rectification while another's is sent back) touch the same tally rows in opposite orders; they must queue
/// behind each other, not deadlock (which PostgreSQL answers by aborting one of them).
/// </summary>
public sealed class HazardTallyDeadlockTests
{
    private const int MovesPerHazard = 400;

    [PostgreSqlFact]
    public Task Opposite_concurrent_moves_in_one_unit_never_deadlock_and_keep_the_tallies_exact() =>
        ProviderServers.OnNewPostgreSqlDatabaseAsync(postgreSql =>
            ProviderServers.RunAsync(postgreSql, new Dictionary<string, string?> { ["Demo:Hazards"] = "12" }, async factory =>
            {
                var (first, second) = await TwoOpenHazardsOfOneUnitAsync(factory);

                // Each writer flips its hazard back and forth; at every moment the two move in opposite directions.
                await Task.WhenAll(Task.Run(() => FlipAsync(postgreSql, first)), Task.Run(() => FlipAsync(postgreSql, second)));

                var tally = await factory.WithDbAsync(db => db.Set<HazardTally>().AsNoTracking()
                    .Where(t => t.State == HazardState.Rectifying || t.State == HazardState.AwaitingAcceptance)
                    .SumAsync(t => t.Count));
                var recount = await factory.WithDbAsync(db => db.Hazards.AsNoTracking()
                    .CountAsync(h => h.State == HazardState.Rectifying || h.State == HazardState.AwaitingAcceptance));
                Assert.Equal(recount, tally);
            }));

    /// <summary>Two open hazards put in one area, district, unit and grade, one rectifying and one awaiting acceptance.</summary>
    private static Task<(Guid First, Guid Second)> TwoOpenHazardsOfOneUnitAsync(WorkflowHubFactory factory) =>
        factory.WithDbAsync(async db =>
        {
            var pair = await db.Hazards.Where(h => h.State != HazardState.Closed && h.DueAt != null).Take(2).ToListAsync();
            Assert.Equal(2, pair.Count);
            (pair[1].AreaCode, pair[1].DistrictCode, pair[1].ResponsibleUnitCode, pair[1].Grade, pair[1].DueAt) =
                (pair[0].AreaCode, pair[0].DistrictCode, pair[0].ResponsibleUnitCode, pair[0].Grade, pair[0].DueAt);
            pair[0].State = HazardState.Rectifying;
            pair[1].State = HazardState.AwaitingAcceptance;
            await db.SaveChangesAsync();
            return (pair[0].Id, pair[1].Id);
        });

    private static async Task FlipAsync(string postgreSql, Guid hazardId)
    {
        await using var connection = new NpgsqlConnection(postgreSql);
        await connection.OpenAsync();
        await using var flip = new NpgsqlCommand(
            """
            UPDATE "Hazards" SET "State" = CASE "State" WHEN 'Rectifying' THEN 'AwaitingAcceptance' ELSE 'Rectifying' END
            WHERE "Id" = @id
            """, connection);
        flip.Parameters.AddWithValue("id", hazardId);
        for (var move = 0; move < MovesPerHazard; move++)
        {
            Assert.Equal(1, await flip.ExecuteNonQueryAsync());
        }
    }
}
