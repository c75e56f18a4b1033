using Microsoft.Data.Sqlite;

namespace WorkflowHub.Reliability.Tests.Crash;

/// <summary>
/// The narrowest crash window of the hazard loop: the engine has committed the grading task's completion, and the
/// server dies before the hazard listener (which runs after the commit) has written grade, deadlines and state to
/// the hazard row. A random kill rarely lands there, so after a kill the test puts one graded hazard back into the
/// state such a kill leaves behind; the restarted server must bring it back in step.
/// </summary>
public static class ListenerWindow
{
    /// <summary>Rewinds one open, graded hazard (chosen by <paramref name="random"/>) to before its listener ran; null when none is graded yet.</summary>
    public static string? RewindOneGradedHazard(string databasePath, Random random)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        var candidates = new List<string>();
        using (var select = connection.CreateCommand())
        {
            select.CommandText = """
                SELECT h.Id FROM Hazards h
                JOIN engine_tasks t ON t.instance_id = h.InstanceId
                WHERE t.element_id = 'Task_GradeHazard' AND t.state = 1 AND h.State <> 'Closed' AND h.GradedAt IS NOT NULL
                ORDER BY h.Number
                """;
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                candidates.Add(reader.GetString(0));
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var id = candidates[random.Next(candidates.Count)];
        using var rewind = connection.CreateCommand();
        rewind.CommandText = "UPDATE Hazards SET State = 'Grading', Grade = 'Ungraded', GradedAt = NULL, DueAt = NULL WHERE Id = $id";
        rewind.Parameters.AddWithValue("$id", id);
        rewind.ExecuteNonQuery();
        return id;
    }
}
