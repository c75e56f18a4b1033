using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WorkflowHub.Campaign.Infrastructure.Persistence;

/// <summary>
/// Keeps SQLite's query planner statistics (sqlite_stat1) current, as SQLite recommends for long-running applications
/// (https://sqlite.org/lang_analyze.html#recommended_usage_pattern): once the start-up steps are done, every few hours,
/// and when the server stops. Without statistics the planner can pick an index that narrows little, e.g. the
/// state of a task over the candidate group, and a million-hazard inbox then reads far more rows than a page needs.
/// The first refresh waits until the server listens: it only speeds later queries up, and on a busy machine it would
/// otherwise take CPU from the start-up it follows.
/// </summary>
public sealed partial class SqliteStatisticsRefresher(
    CampaignDatabase database,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<SqliteStatisticsRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(6);

    /// <summary>
    /// analysis_limit bounds the work per index (ANALYZE samples instead of reading every row), and 0x10002 makes
    /// PRAGMA optimize look at every table, not only those its own (here always fresh) connection has queried.
    /// Tables whose size has not changed much since the last analysis are skipped, so repeating it is cheap.
    /// </summary>
    public const string Pragmas = "PRAGMA analysis_limit=1000; PRAGMA optimize=0x10002;";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!database.IsSqlite)
        {
            return;
        }

        if (!await WhenStartedAsync(stoppingToken))
        {
            return;
        }

        await OptimizeAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await OptimizeAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the last refresh runs in StopAsync.
        }
    }

    /// <summary>True once the application has started; false when it is stopped first.</summary>
    private async Task<bool> WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        await using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (database.IsSqlite)
        {
            await OptimizeAsync(cancellationToken);
        }
    }

    private async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new SqliteConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException exception)
        {
            // Statistics only speed queries up; a busy or read-only file must not stop the server.
            LogOptimizeFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing SQLite's query planner statistics failed")]
    private static partial void LogOptimizeFailed(ILogger logger, Exception exception);
}
