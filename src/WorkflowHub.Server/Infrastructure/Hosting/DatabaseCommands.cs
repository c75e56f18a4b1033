using System.Globalization;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Audit;
using WorkflowHub.Campaign.Backups;
using WorkflowHub.Campaign.Infrastructure.Persistence;

namespace WorkflowHub.Server.Infrastructure.Hosting;

/// <summary>
/// The server's maintenance verbs, run instead of the web server:
/// <c>backup &lt;file&gt;</c> writes an online backup of the configured database (safe while a server runs on it) and
/// <c>restore &lt;file&gt;</c> replaces the configured database with a backup (refused while a server runs on it).
/// Configuration (<c>--Storage:DatabasePath=…</c>) applies as for the server.
/// </summary>
public static class DatabaseCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    /// <summary>The verb and its file, when the command line starts with one.</summary>
    public static (string Verb, string? File)? Parse(string[] args) =>
        args is [var verb, ..] && (verb == Backup || verb == Restore)
            ? (verb, args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null)
            : null;

    /// <summary>The arguments left for the host's configuration once the verb and its file are taken off.</summary>
    public static string[] HostArguments(string[] args) => Parse(args) switch
    {
        null => args,
        { File: null } => args[1..],
        _ => args[2..],
    };

    /// <summary>Runs the verb of <paramref name="args"/>; the exit code is 0 on success, 1 when refused or failed, 2 on bad usage.</summary>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        if (Parse(args) is not { } command)
        {
            return 2;
        }

        if (command.File is null)
        {
            await error.WriteLineAsync($"Usage: WorkflowHub.Server {command.Verb} <file> [--Storage:DatabasePath=<database>]");
            return 2;
        }

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var file = Path.GetFullPath(command.File);
        try
        {
            if (command.Verb == Backup)
            {
                await SqliteBackup.CopyAsync(storage.ConnectionString, file, CancellationToken.None);
                var size = new FileInfo(file).Length;
                var sha256 = await SqliteBackup.Sha256Async(file, CancellationToken.None);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Backed up {storage.FullDatabasePath} to {file} ({size} bytes, sha256 {sha256})"));
                return 0;
            }

            await DatabaseRestore.RestoreAsync(file, storage.FullDatabasePath, CancellationToken.None);
            await RecordRestoreAsync(services, file);
            await output.WriteLineAsync($"Restored {file} onto {storage.FullDatabasePath}; start the server to use it.");
            return 0;
        }
        catch (Exception exception) when (exception is RestoreRefusedException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidDataException)
        {
            await error.WriteLineAsync($"{command.Verb} failed: {exception.Message}");
            return 1;
        }
    }

    /// <summary>The restored chain gets an entry saying so (a backup from before the audit table existed gets none).</summary>
    private static async Task RecordRestoreAsync(IServiceProvider services, string file)
    {
        await using var scope = services.CreateAsyncScope();
        var payload = System.Text.Json.JsonSerializer.Serialize(new { backup = Path.GetFileName(file), sha256 = await SqliteBackup.Sha256Async(file, CancellationToken.None) });
        try
        {
            await scope.ServiceProvider.GetRequiredService<AuditTrail>()
                .AppendAsync(null, $"cli:{Environment.UserName}", null, "RestoreDatabase", payload, AuditOutcome.Succeeded, null, CancellationToken.None);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // An older schema: migrations run at the next start; the restore itself stands.
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
