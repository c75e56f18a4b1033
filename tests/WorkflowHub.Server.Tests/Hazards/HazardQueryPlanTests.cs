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
/// The campaign overview and the hazard registry read the tallies the database keeps and index ranges, never every
/// hazard: the SQL the real endpoints send is captured and explained by SQLite (EXPLAIN QUERY PLAN), for an all-seeing
/// user, a department and a district. At a million hazards reading them all is the difference between milliseconds and
/// a quarter of a second.
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

    // The overview reads the tallies the database keeps (a unit's or a district's own rows through their index); of the
    // hazards themselves only the deadlines of the current due span, a range of one covering index.
    [Theory]
    [InlineData("admin", null)]
    [InlineData("fire-officer", "IX_HazardTallies_ResponsibleUnitCode_DistrictCode")]
    [InlineData("district-officer", "IX_HazardTallies_DistrictCode")]
    public async Task The_campaign_overview_reads_tallies_and_only_the_current_deadlines_of_the_hazards(string userName, string? tallyIndex)
    {
        var client = await _capturing.CreateSignedInClientAsync(userName, WorkflowHubFactory.DemoPassword);
        _capture.Clear();

        var response = await client.GetAsync(new Uri("/api/campaign/overview", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tallies = Explain(Assert.Single(_capture.Commands, c => c.Sql.Contains("FROM \"HazardTallies\"", StringComparison.Ordinal)));
        if (tallyIndex is not null)
        {
            Assert.Contains($"SEARCH h USING INDEX {tallyIndex}", tallies, StringComparison.Ordinal);
        }

        Assert.Single(_capture.Commands, c => c.Sql.Contains("FROM \"HazardDueTallies\"", StringComparison.Ordinal));
        AssertReadsOnlyTheCurrentDeadlines(Assert.Single(_capture.Commands, c => c.Sql.Contains("FROM \"Hazards\"", StringComparison.Ordinal)));
    }

    // The dashboard's trends add up the month tallies: no hazard is read.
    [Theory]
    [InlineData(Roles.Admin, null, "SCAN h")]
    [InlineData(Roles.DepartmentOfficer, "city-fire-rescue", "SEARCH h USING INDEX IX_HazardMonthTallies_ResponsibleUnitCode")]
    [InlineData(Roles.LocalGovernment, "district-daoli", "SEARCH h USING INDEX sqlite_autoindex_HazardMonthTallies_1 (DistrictCode=?)")]
    public async Task The_campaign_trends_add_up_month_tallies(string role, string? unit, string plan)
    {
        await using var scope = _capturing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        _capture.Clear();

        await new GetCampaignTrendsHandler(db, new PlanUser(unit, role), TimeProvider.System).Handle(new GetCampaignTrends(), CancellationToken.None);

        Assert.DoesNotContain(_capture.Commands, c => c.Sql.Contains("FROM \"Hazards\"", StringComparison.Ordinal));
        var months = Explain(Assert.Single(_capture.Commands, c => c.Sql.Contains("FROM \"HazardMonthTallies\"", StringComparison.Ordinal)));
        Assert.Contains(plan, months, StringComparison.Ordinal);
    }

    private sealed record PlanUser(string? OrgUnitCode, params string[] RoleNames) : ICurrentUser
    {
        public bool IsAuthenticated => true;
        public bool IsSystem => false;
        public string? UserId => "plan-test";
        public string? UserName => "plan-test";
        public IReadOnlySet<string> Roles => RoleNames.ToHashSet();
    }

    // The overdue count comes from the due tallies and the current deadlines; the page walks an index in number order
    // (newest first) and stops after a page, instead of sorting every overdue hazard.
    [Theory]
    [InlineData("admin")]
    [InlineData("fire-officer")]
    [InlineData("district-officer")]
    public async Task The_registry_counts_overdue_hazards_from_tallies_and_pages_them_in_index_order(string userName)
    {
        var client = await _capturing.CreateSignedInClientAsync(userName, WorkflowHubFactory.DemoPassword);
        _capture.Clear();

        var response = await client.GetAsync(new Uri("/api/hazards?overdue=true&pageSize=20", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var queries = _capture.Commands.Where(c => c.Sql.Contains("FROM \"Hazards\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, queries.Count);
        Assert.DoesNotContain(queries, q => q.Sql.Contains("COUNT(", StringComparison.Ordinal));
        AssertReadsOnlyTheCurrentDeadlines(queries.Single(q => !q.Sql.Contains("LIMIT", StringComparison.Ordinal)));
        var page = Explain(queries.Single(q => q.Sql.Contains("LIMIT", StringComparison.Ordinal)));
        AssertNoTableScan(page);
        Assert.DoesNotContain("TEMP B-TREE", page, StringComparison.Ordinal);
        Assert.Contains("IX_Hazards_", page, StringComparison.Ordinal);
        Assert.Contains(_capture.Commands, c => c.Sql.Contains("FROM \"HazardDueTallies\"", StringComparison.Ordinal));
    }

    /// <summary>The part of "overdue" the due tallies leave: a range of deadlines read from one covering index.</summary>
    private void AssertReadsOnlyTheCurrentDeadlines(CapturedCommand command)
    {
        var plan = Explain(command);
        Assert.Contains("SEARCH h USING COVERING INDEX IX_Hazards_DueAt_State_AreaCode_DistrictCode_ResponsibleUnitCode (DueAt>? AND DueAt<?)", plan, StringComparison.Ordinal);
        AssertNoTableScan(plan);
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
