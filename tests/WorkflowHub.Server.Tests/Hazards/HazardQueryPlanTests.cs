using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Features.Overview;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Server.Tests.Infrastructure;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>
/// The campaign overview and the hazard registry read indexes, never the whole hazards table: the SQL the real
/// endpoints send is captured and explained by SQLite (EXPLAIN QUERY PLAN), for an all-seeing user, a department
/// and a district. At a million hazards a table scan here is the difference between milliseconds and seconds.
/// </summary>
public sealed class HazardQueryPlanTests : IDisposable
{
    private readonly WorkflowHubFactory _server = new();
    private readonly SqlCapture _capture = new();
    private readonly Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _capturing;

    public HazardQueryPlanTests()
    {
        _capturing = _server.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<CampaignDbContext>(options => options.AddInterceptors(_capture))));
    }

    public void Dispose()
    {
        _capturing.Dispose();
        _server.Dispose();
    }

    // An all-seeing user's overview may scan any of the covering indexes (SQLite picks the smallest); a unit seeks its own.
    [Theory]
    [InlineData("admin", "IX_Hazards_")]
    [InlineData("fire-officer", "IX_Hazards_ResponsibleUnitCode_State_AreaCode_DistrictCode_Grade_DueAt")]
    [InlineData("district-officer", "IX_Hazards_DistrictCode_State_AreaCode_Grade_DueAt")]
    public async Task The_campaign_overview_counts_hazards_from_a_covering_index(string userName, string index)
    {
        var client = await _capturing.CreateSignedInClientAsync(userName, WorkflowHubFactory.DemoPassword);
        _capture.Clear();

        var response = await client.GetAsync(new Uri("/api/campaign/overview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var grouping = Assert.Single(_capture.Commands, c => c.Sql.Contains("FROM \"Hazards\"", StringComparison.Ordinal));
        Assert.Contains("GROUP BY", grouping.Sql, StringComparison.Ordinal);
        var plan = Explain(grouping);
        Assert.Contains($"COVERING INDEX {index}", plan, StringComparison.Ordinal);
        AssertNoTableScan(plan);
    }

    // The dashboard's trends bucket every visible hazard's report and close dates by month: from index entries only.
    [Theory]
    [InlineData(Roles.Admin, null, "IX_Hazards_")]
    [InlineData(Roles.DepartmentOfficer, "city-fire-rescue", "IX_Hazards_ResponsibleUnitCode_")]
    [InlineData(Roles.LocalGovernment, "district-daoli", "IX_Hazards_DistrictCode_")]
    public async Task The_campaign_trends_count_months_from_a_covering_index(string role, string? unit, string index)
    {
        await using var scope = _capturing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        _capture.Clear();

        await new GetCampaignTrendsHandler(db, new PlanUser(unit, role), TimeProvider.System).Handle(new GetCampaignTrends(), CancellationToken.None);

        var grouping = Assert.Single(_capture.Commands, c => c.Sql.Contains("FROM \"Hazards\"", StringComparison.Ordinal));
        Assert.Contains("GROUP BY", grouping.Sql, StringComparison.Ordinal);
        var plan = Explain(grouping);
        Assert.Contains($"COVERING INDEX {index}", plan, StringComparison.Ordinal);
        AssertNoTableScan(plan);
    }

    private sealed record PlanUser(string? OrgUnitCode, params string[] RoleNames) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public bool IsSystem => false;
        public string? UserId => "plan-test";
        public string? UserName => "plan-test";
        public IReadOnlySet<string> Roles => RoleNames.ToHashSet();
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("fire-officer")]
    [InlineData("district-officer")]
    public async Task The_registry_counts_and_pages_overdue_hazards_without_scanning_the_table(string userName)
    {
        var client = await _capturing.CreateSignedInClientAsync(userName, WorkflowHubFactory.DemoPassword);
        _capture.Clear();

        var response = await client.GetAsync(new Uri("/api/hazards?overdue=true&pageSize=20", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var queries = _capture.Commands.Where(c => c.Sql.Contains("FROM \"Hazards\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, queries.Count);
        var count = Explain(queries.Single(q => q.Sql.Contains("COUNT(*)", StringComparison.Ordinal)));
        Assert.Contains("COVERING INDEX", count, StringComparison.Ordinal);
        AssertNoTableScan(count);
        AssertNoTableScan(Explain(queries.Single(q => q.Sql.Contains("LIMIT", StringComparison.Ordinal))));
    }

    /// <summary>A "SCAN" line without an index reads every row of the table.</summary>
    private static void AssertNoTableScan(string plan)
    {
        var scans = plan.Split('\n').Where(line => line.Contains("SCAN", StringComparison.Ordinal) && !line.Contains("INDEX", StringComparison.Ordinal)).ToList();
        Assert.True(scans.Count == 0, $"table scan in plan:\n{plan}");
    }

    private string Explain(CapturedCommand command)
    {
        using var connection = new SqliteConnection($"Data Source={_server.DatabasePath}");
        connection.Open();
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            explain.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        using var reader = explain.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join('\n', lines);
    }

    private sealed record CapturedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

    /// <summary>Keeps every query the campaign context sends, with its parameter values.</summary>
    private sealed class SqlCapture : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<CapturedCommand> _commands = new();

        public IReadOnlyList<CapturedCommand> Commands => _commands.ToList();

        public void Clear() => _commands.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Keep(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Keep(DbCommand command) =>
            _commands.Enqueue(new CapturedCommand(
                command.CommandText,
                command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
    }
}
