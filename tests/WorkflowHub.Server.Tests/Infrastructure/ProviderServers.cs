using WorkflowHub.Testing.PostgreSql;

namespace WorkflowHub.Server.Tests.Infrastructure;

/// <summary>
/// The server of the tests on either campaign database provider, for the tests that show the same behaviour on both:
/// SQLite in a temp folder, or a throwaway database of the shared PostgreSQL cluster, dropped afterwards. The job
/// executor and the daily sweep are off so only what the test does changes the data.
/// </summary>
internal static class ProviderServers
{
    /// <summary>Runs <paramref name="test"/> with the connection string of a new PostgreSQL database.</summary>
    public static async Task OnNewPostgreSqlDatabaseAsync(Func<string, Task> test)
    {
        var cluster = await PostgreSqlCluster.GetAsync();
        var connectionString = await cluster.CreateDatabaseAsync();
        try
        {
            await test(connectionString);
        }
        finally
        {
            await cluster.DropDatabaseAsync(connectionString);
        }
    }

    /// <param name="postgreSql">A PostgreSQL connection string, or null for SQLite.</param>
    /// <param name="settings">Configuration over the defaults of <see cref="WorkflowHubFactory"/>.</param>
    public static async Task RunAsync(string? postgreSql, IReadOnlyDictionary<string, string?> settings, Func<WorkflowHubFactory, Task> test)
    {
        var folder = WorkflowHubFactory.CreateTempFolder();
        var configuration = new Dictionary<string, string?>(settings)
        {
            ["Decisions:SweepEnabled"] = "false",
            ["Engine:JobExecutor:Enabled"] = "false",
            ["Storage:EvidencePath"] = Path.Combine(folder, "evidence"),
        };
        if (postgreSql is not null)
        {
            configuration["Database:Provider"] = "PostgreSql";
            configuration["ConnectionStrings:WorkflowHub"] = postgreSql;
        }

        var factory = WorkflowHubFactory.OnFolder(folder, configuration);
        try
        {
            await test(factory);
        }
        finally
        {
            factory.Dispose();
            await DeleteAsync(folder);
        }
    }

    /// <summary>The server's last background writes (statistics, checkpoint) may still be closing files just after it stops.</summary>
    private static async Task DeleteAsync(string folder)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }
}
