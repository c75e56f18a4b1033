using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace WorkflowHub.Campaign.Backups;

/// <summary>
/// SQLite's online backup API (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): copies every page of a
/// live database as one consistent snapshot while other connections keep reading and writing. Campaign data, accounts,
/// decisions, the audit chain and the engine's <c>engine_*</c> tables share the one file, so one copy holds them all.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database of <paramref name="sourceConnectionString"/> into a new file at <paramref name="targetPath"/>.</summary>
    public static async Task CopyAsync(string sourceConnectionString, string targetPath, CancellationToken cancellationToken)
    {
        if (File.Exists(targetPath))
        {
            throw new IOException($"{targetPath} exists already; a backup never overwrites a file.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(targetPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Written under a temporary name and renamed when complete, so a listed backup is always whole.
        var partial = targetPath + ".partial";
        try
        {
            await using (var source = new SqliteConnection(sourceConnectionString))
            await using (var target = new SqliteConnection(Unpooled(partial, SqliteOpenMode.ReadWriteCreate)))
            {
                await source.OpenAsync(cancellationToken);
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target);
                await SwitchToRollbackJournalAsync(target, cancellationToken);
            }

            File.Move(partial, targetPath);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Throws unless <paramref name="path"/> is a readable SQLite database that passes <c>PRAGMA quick_check</c>.</summary>
    public static async Task CheckIntegrityAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(Unpooled(path, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA quick_check;";
        var result = Convert.ToString(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (!string.Equals(result, "ok", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path} fails SQLite's integrity check: {result}");
        }
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>A connection string that leaves no pooled handle behind, so the file can be renamed or replaced at once.</summary>
    public static string Unpooled(string path, SqliteOpenMode mode) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = mode,
        Pooling = false,
    }.ToString();

    // The copy carries the source's WAL flag; a single self-contained file is what a backup should be.
    private static async Task SwitchToRollbackJournalAsync(SqliteConnection target, CancellationToken cancellationToken)
    {
        await using var command = target.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
