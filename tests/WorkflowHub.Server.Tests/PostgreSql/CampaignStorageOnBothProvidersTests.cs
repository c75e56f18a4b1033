using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine;
using WorkflowHub.Server.Tests.Infrastructure;
using WorkflowHub.Testing.PostgreSql;
using static WorkflowHub.Server.Tests.Hazards.HazardApi;

namespace WorkflowHub.Server.Tests.PostgreSql;

/// <summary>
/// The campaign's storage on each provider through the real server: migrations applied at start-up, the plan imported,
/// and a hazard driven through its loop (with a rejection, which asks the rules inside the command's shared transaction).
/// </summary>
public sealed class CampaignStorageOnBothProvidersTests
{
    [Fact]
    public Task On_sqlite_migrations_plan_and_a_hazard_loop_work() => RunAsync(null);

    [PostgreSqlFact]
    public Task On_postgresql_migrations_plan_and_a_hazard_loop_work() => ProviderServers.OnNewPostgreSqlDatabaseAsync(RunAsync);

    private static Task RunAsync(string? postgreSql) =>
        ProviderServers.RunAsync(postgreSql, new Dictionary<string, string?>(),
            factory => RunLoopAsync(factory, postgreSql is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql));

    private static async Task RunLoopAsync(WorkflowHubFactory factory, DatabaseProvider provider)
    {
        var officer = await factory.CreateClientForAsync("fire-officer");
        var enterprise = await factory.CreateClientForAsync("enterprise-demo");

        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(provider == DatabaseProvider.PostgreSql ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
            Assert.True(await db.Areas.CountAsync() >= 18, "the plan's 2 topics and 16 sectors are imported");
            Assert.True(await db.Phases.CountAsync() == 4, "the plan's four phases are imported");
            return true;
        });

        var reported = await ReportAsync(officer, "消防通道堵塞", FireArea);
        var id = reported.GetProperty("id").GetString()!;
        var number = reported.GetProperty("number").GetString()!;
        Assert.Equal("Grading", State(await GetFileAsync(officer, id)));

        await CompleteAsync(officer, number, "Task_GradeHazard", Grading("general"));
        await CompleteAsync(enterprise, number, "Task_SubmitPlan", Plan());
        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        await CompleteAsync(officer, number, "Task_AcceptGeneral", Acceptance(false));
        var file = await GetFileAsync(officer, id);
        Assert.Equal("Rectifying", State(file));
        Assert.Equal(1, file.GetProperty("hazard").GetProperty("rejectionCount").GetInt32());

        await CompleteAsync(enterprise, number, "Task_Rectify", Rectification());
        await CompleteAsync(officer, number, "Task_AcceptGeneral", Acceptance(true));
        var engine = factory.Services.GetRequiredService<IWorkflowEngine>();
        for (var round = 0; round < 20 && await engine.ExecuteDueJobsAsync("storage-tests", 50) > 0; round++)
        {
        }

        file = await GetFileAsync(officer, id);
        Assert.Equal("Closed", State(file));
        Assert.Contains(file.GetProperty("history").EnumerateArray(), e => e.GetProperty("type").GetString() == "InstanceCompleted");
        var stored = await factory.WithDbAsync(db => db.Hazards.AsNoTracking().SingleAsync(h => h.Number == number));
        Assert.Equal(HazardState.Closed, stored.State);
        Assert.NotNull(stored.ClosedAt);
    }
}
