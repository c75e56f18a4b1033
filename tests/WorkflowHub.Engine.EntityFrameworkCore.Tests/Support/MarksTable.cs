using WorkflowHub.Engine.EntityFrameworkCore.Sqlite.Sessions;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

/// <summary>A table of unique names on a test's file: rows of "another feature" written in the engine's transactions.</summary>
internal static class MarksTable
{
    public static void Create(TempDatabase database)
    {
        using var connection = database.OpenConnection();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE marks (name TEXT NOT NULL UNIQUE)";
        create.ExecuteNonQuery();
    }

    public static void Insert(SqliteStatements statements, string name) =>
        statements.Execute("INSERT INTO marks (name) VALUES (?)", name, static (statement, value) => statement.Bind(0, value));

    /// <summary>The names committed so far, in order.</summary>
    public static List<string> Read(TempDatabase database)
    {
        using var connection = database.OpenConnection();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT name FROM marks ORDER BY name";
        using var reader = select.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
