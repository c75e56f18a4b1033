using Microsoft.Data.Sqlite;

namespace WorkflowHub.Campaign.Backups;

/// <summary>
/// Restores a backup onto a database file, for the server's <c>restore</c> command. It refuses while a server runs on
/// that file (<see cref="DatabaseInUseLock"/>) and refuses a file that is not a sound WorkflowHub database; the copy goes
/// through SQLite's backup API, so a leftover write-ahead log of the old file cannot mix with the restored pages.
/// </summary>
public static class DatabaseRestore
{
    public static async Task RestoreAsync(string backupPath, string databasePath, CancellationToken cancellationToken)
    {
        if (!File.Exists(backupPath))
        {
            throw new RestoreRefusedException($"There is no backup file {backupPath}.");
        }

        try
        {
            await SqliteBackup.CheckIntegrityAsync(backupPath, cancellationToken);
            await EnsureWorkflowHubDatabaseAsync(backupPath, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or InvalidDataException)
        {
            throw new RestoreRefusedException($"{backupPath} is not a usable WorkflowHub backup: {exception.Message}", exception);
        }

        using var exclusive = DatabaseInUseLock.TryAcquireExclusive(databasePath)
            ?? throw new RestoreRefusedException(
                $"A WorkflowHub server is running on {databasePath}. Stop it first, then restore; nothing was changed.");

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        await using (var source = new SqliteConnection(SqliteBackup.Unpooled(backupPath, SqliteOpenMode.ReadOnly)))
        await using (var target = new SqliteConnection(SqliteBackup.Unpooled(databasePath, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync(cancellationToken);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }

        await SqliteBackup.CheckIntegrityAsync(databasePath, cancellationToken);
    }

    private static async Task EnsureWorkflowHubDatabaseAsync(string path, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(SqliteBackup.Unpooled(path, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = $name;";
        command.Parameters.AddWithValue("$name", Infrastructure.Persistence.CampaignDbContext.MigrationsHistoryTable);
        if (Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            throw new InvalidDataException("it has no WorkflowHub tables.");
        }
    }
}
