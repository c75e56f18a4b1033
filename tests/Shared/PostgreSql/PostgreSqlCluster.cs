using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace WorkflowHub.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL server for the tests of this process: <c>initdb</c> into a temp folder and <c>pg_ctl start</c>
/// on a free port of 127.0.0.1 (socket in the same folder), stopped and deleted when the process exits. As root (CI),
/// the server programs run as the <c>postgres</c> account through <c>runuser</c>, since initdb refuses root.
/// Set <c>WORKFLOWHUB_TEST_POSTGRES</c> to a connection string of a running server (a user allowed to create databases)
/// to use that server instead. Each test gets a database of its own (<see cref="CreateDatabaseAsync"/>).
/// </summary>
public sealed class PostgreSqlCluster
{
    public const string EnvironmentVariable = "WORKFLOWHUB_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgreSqlCluster>> Shared = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string?> BinDirectory = new(FindBinDirectory);

    private readonly string? _folder;
    private readonly string? _dataFolder;
    private readonly SemaphoreSlim _templates = new(1, 1);
    private readonly Dictionary<string, string> _templateByName = new(StringComparer.Ordinal);

    private PostgreSqlCluster(string adminConnectionString, string? folder, string? dataFolder)
    {
        AdminConnectionString = adminConnectionString;
        _folder = folder;
        _dataFolder = dataFolder;
    }

    /// <summary>Why PostgreSQL tests cannot run on this machine, or null when they can.</summary>
    public static string? SkipReason { get; } = FindSkipReason();

    /// <summary>A connection string to the maintenance database, as a user who may create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>The server of this test process, started on first use.</summary>
    public static Task<PostgreSqlCluster> GetAsync() => Shared.Value;

    /// <summary>A new, empty database (or a copy of <paramref name="templateName"/>); returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? templateName = null)
    {
        var name = "wh_" + Guid.NewGuid().ToString("N");
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = templateName is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"";
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    /// <summary>
    /// A database prepared once per process by <paramref name="prepare"/> (migrations, typically) and then copied for
    /// each test: copying a template is much faster than migrating again.
    /// </summary>
    public async Task<string> CreateDatabaseFromTemplateAsync(string templateKey, Func<string, Task> prepare)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        string template;
        await _templates.WaitAsync();
        try
        {
            if (!_templateByName.TryGetValue(templateKey, out template!))
            {
                var connectionString = await CreateDatabaseAsync();
                await prepare(connectionString);
                NpgsqlConnection.ClearAllPools();
                template = new NpgsqlConnectionStringBuilder(connectionString).Database!;
                _templateByName[templateKey] = template;
            }

            // CREATE DATABASE ... TEMPLATE fails while anyone is connected to the template, so copies are made one at a time.
            return await CreateDatabaseAsync(template);
        }
        finally
        {
            _templates.Release();
        }
    }

    /// <summary>Drops a test database, closing whatever connections still use it.</summary>
    public async Task DropDatabaseAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{builder.Database}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    private static string? FindSkipReason()
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentVariable)))
        {
            return null;
        }

        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return $"PostgreSQL tests start a throwaway server with initdb/pg_ctl on Linux; set {EnvironmentVariable} to a connection string of a running server instead.";
        }

        if (BinDirectory.Value is null)
        {
            return $"PostgreSQL is not installed (no initdb in /usr/lib/postgresql/*/bin or on PATH): install it (apt-get install -y postgresql) or set {EnvironmentVariable} to a connection string of a running server.";
        }

        if (IsRoot() && !File.Exists("/usr/sbin/runuser") && !File.Exists("/sbin/runuser"))
        {
            return "PostgreSQL refuses to run as root and runuser is missing to start it as the postgres account.";
        }

        return null;
    }

    private static async Task<PostgreSqlCluster> StartAsync()
    {
        if (SkipReason is not null)
        {
            throw new InvalidOperationException(SkipReason);
        }

        var external = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgreSqlCluster(external, null, null);
        }

        var bin = BinDirectory.Value!;
        var folder = Directory.CreateTempSubdirectory("wh-pgtest-").FullName;
        var data = Path.Combine(folder, "data");
        if (IsRoot())
        {
            await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"], IsRoot());
        var port = FreePort();
        var serverOptions = string.Join(' ',
            $"-p {port.ToString(CultureInfo.InvariantCulture)}",
            $"-k {folder}",
            "-c listen_addresses=127.0.0.1",
            // A throwaway server: durability buys nothing here and costs seconds.
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=500 -c shared_buffers=64MB");
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o", serverOptions, "start"], IsRoot());

        var cluster = new PostgreSqlCluster(
            new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
                // Each test database has its own pool; idle connections are closed soon so hundreds of them do not pile up.
                ConnectionIdleLifetime = 2,
                ConnectionPruningInterval = 1,
                MaxPoolSize = 50,
            }.ConnectionString,
            folder,
            data);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        return cluster;
    }

    private void Stop()
    {
        if (_dataFolder is null || _folder is null)
        {
            return;
        }

        try
        {
            RunAsync(Path.Combine(BinDirectory.Value!, "pg_ctl"), ["-D", _dataFolder, "-m", "immediate", "-w", "stop"], IsRoot()).GetAwaiter().GetResult();
            Directory.Delete(_folder, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The process is ending; a leftover temp folder is harmless.
        }
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var startInfo = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program })
            {
                startInfo.ArgumentList.Add(argument);
            }
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static string? FindBinDirectory()
    {
        const string Debian = "/usr/lib/postgresql";
        if (Directory.Exists(Debian))
        {
            var newest = Directory.GetDirectories(Debian)
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .Where(d => File.Exists(Path.Combine(d.Folder, "bin", "initdb")))
                .OrderByDescending(d => d.Version)
                .Select(d => Path.Combine(d.Folder, "bin"))
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static bool IsRoot() => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
