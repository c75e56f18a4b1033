using Npgsql;

namespace WorkflowHub.Testing.MultiNode;

/// <summary>What the nodes wrote, read straight from the shared PostgreSQL database (engine tables).</summary>
public sealed class NodeDatabase(string connectionString)
{
    public const int ActiveState = 0;
    public const int CompletedState = 1;

    public async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>Active review tasks of the given instances (id per instance).</summary>
    public Task<List<(Guid TaskId, Guid InstanceId)>> ReviewTasksAsync(IReadOnlyCollection<Guid> instanceIds) =>
        QueryAsync(
            "SELECT id, instance_id FROM engine_tasks WHERE state = @active AND element_id = @element AND instance_id = ANY(@ids)",
            r => (r.GetGuid(0), r.GetGuid(1)),
            ("active", ActiveState), ("element", LoadWorkflow.TaskElement), ("ids", instanceIds.ToArray()));

    public Task<long> CountInstancesAsync(IReadOnlyCollection<Guid> instanceIds, int state) =>
        ScalarAsync("SELECT count(*) FROM engine_instances WHERE state = @state AND id = ANY(@ids)", ("state", state), ("ids", instanceIds.ToArray()));

    /// <summary>Waits until <paramref name="condition"/> holds, polling; false on timeout.</summary>
    public static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan? poll = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(poll ?? TimeSpan.FromMilliseconds(100));
        }

        return await condition();
    }
}
