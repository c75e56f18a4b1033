using System.Text.Json;
using Microsoft.Data.Sqlite;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectWrites;
using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Engine.EntityFrameworkCore.Sqlite.DirectReads;

/// <summary>
/// The two reads every task completion makes (the task by id, its instance by id) as plain SELECTs on the command's
/// connection (through <see cref="SqliteStatements"/>, so kept prepared on a session), read column by column into the records. EF's compiled queries cost several times SQLite's own work for a
/// one-row lookup. Values are read back from the form <see cref="StoredValues"/> writes (the EF model's form), and the
/// columns are the ones <see cref="DirectWriteColumns"/> lists, in the records' order.
/// </summary>
internal static class SqliteDirectReader
{
    private static readonly string InstanceById = Select(EngineTables.Instances, DirectWriteColumns.Instance);

    private static readonly string TaskById = Select(EngineTables.Tasks, DirectWriteColumns.Task);

    public static InstanceRecord? FindInstance(SqliteStatements statements, Guid id) => FindById(statements, InstanceById, id, ReadInstance);

    public static UserTaskRecord? FindTask(SqliteStatements statements, Guid id) => FindById(statements, TaskById, id, ReadTask);

    /// <summary>Runs a prepared by-id select and reads its one row, if any; the statement goes back to the connection's cache.</summary>
    private static T? FindById<T>(SqliteStatements statements, string sql, Guid id, Func<SqliteDataReader, T> read)
        where T : class
    {
        var command = Command(statements, sql, id);
        try
        {
            using var reader = command.ExecuteReader();
            return reader.Read() ? read(reader) : null;
        }
        finally
        {
            statements.Return(command);
        }
    }

    private static InstanceRecord ReadInstance(SqliteDataReader reader)
    {
        return new InstanceRecord
        {
            Id = reader.GetGuid(0),
            DefinitionId = reader.GetString(1),
            DefinitionKey = reader.GetString(2),
            DefinitionVersion = reader.GetInt32(3),
            BusinessKey = NullableString(reader, 4),
            State = (InstanceState)reader.GetInt32(5),
            ParentInstanceId = reader.IsDBNull(6) ? null : reader.GetGuid(6),
            StartedAt = Instant(reader, 7),
            EndedAt = NullableInstant(reader, 8),
            StartedBy = NullableString(reader, 9),
            Version = reader.GetInt64(10),
            Document = reader.GetString(11),
        };
    }

    private static UserTaskRecord ReadTask(SqliteDataReader reader)
    {
        return new UserTaskRecord
        {
            Id = reader.GetGuid(0),
            InstanceId = reader.GetGuid(1),
            ExecutionId = reader.GetInt32(2),
            DefinitionId = reader.GetString(3),
            DefinitionKey = reader.GetString(4),
            BusinessKey = NullableString(reader, 5),
            ElementId = reader.GetString(6),
            Name = NullableString(reader, 7),
            Assignee = NullableString(reader, 8),
            CandidateUsers = StringArray(reader, 9),
            CandidateGroups = StringArray(reader, 10),
            DueDate = NullableInstant(reader, 11),
            FollowUpDate = NullableInstant(reader, 12),
            Priority = reader.GetInt32(13),
            FormKey = NullableString(reader, 14),
            State = (UserTaskState)reader.GetInt32(15),
            CreatedAt = Instant(reader, 16),
            ClaimedAt = NullableInstant(reader, 17),
            CompletedAt = NullableInstant(reader, 18),
            CompletedBy = NullableString(reader, 19),
        };
    }

    private static SqliteCommand Command(SqliteStatements statements, string sql, Guid id)
    {
        var command = statements.Rent(sql, 1);
        command.Parameters[0].Value = StoredValues.Of(id);
        return command;
    }

    private static string Select<T>(string table, RowColumn<T>[] columns) =>
        $"SELECT {string.Join(", ", columns.Select(c => c.Name))} FROM {table} WHERE {columns[0].Name} = {SqliteStatements.ParameterName(0)}";

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    // UtcTicksConverter's reading: the instant at offset zero.
    private static DateTimeOffset Instant(SqliteDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    private static DateTimeOffset? NullableInstant(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : Instant(reader, ordinal);

    private static string[] StringArray(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? [] : JsonSerializer.Deserialize<string[]>(reader.GetString(ordinal)) ?? [];
}
