using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Server.Tests.Hazards;

/// <summary>
/// Once armed, saves the hazard of the next save that grades one from another connection first, as a concurrent command
/// would: that save then finds the hazard's version moved on.
/// </summary>
public sealed class ConcurrentHazardSave : SaveChangesInterceptor
{
    private string? _databasePath;

    public int Interventions { get; private set; }

    public void Arm(string databasePath) => _databasePath = databasePath;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        var grading = eventData.Context?.ChangeTracker.Entries<Hazard>()
            .FirstOrDefault(e => e.State == EntityState.Modified && e.Property(h => h.Grade).IsModified);
        if (grading is not null && Interlocked.Exchange(ref _databasePath, null) is { } path)
        {
            Interventions++;
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Hazards SET Version = Version + 1 WHERE Id = $id";
            command.Parameters.AddWithValue("$id", grading.Entity.Id.ToString().ToUpperInvariant());
            Assert.Equal(1, await command.ExecuteNonQueryAsync(cancellationToken));
        }

        return result;
    }
}
