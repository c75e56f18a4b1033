using WorkflowHub.Testing.PostgreSql;
using WorkflowHub.Testing.Hosting;

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
        var folder = TempFolders.Create();
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
            TempFolders.Delete(folder);
        }
    }
}
