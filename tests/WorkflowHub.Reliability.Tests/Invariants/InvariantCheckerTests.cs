using static WorkflowHub.Reliability.Tests.Invariants.HandMadeDatabase;

namespace WorkflowHub.Reliability.Tests.Invariants;

/// <summary>The checker passes a healthy hand-made database and names the right invariant for each way of breaking it.</summary>
public sealed class InvariantCheckerTests
{
    private static readonly InvariantChecker Checker = new(TimeSpan.FromSeconds(5));

    [Fact]
    public async Task A_healthy_database_has_no_violations()
    {
        using var db = await CreateAsync();

        Assert.Empty(Checker.Check(db.Path, db.Acknowledged, AsOf));
    }

    public static TheoryData<string, string, string> BrokenDatabases() => new()
    {
        {
            "an acknowledged hazard report is lost",
            $"DELETE FROM Hazards WHERE Id = '{Hazard}'",
            Invariant.AcknowledgedPersisted
        },
        {
            "an acknowledged instance start is lost",
            $"DELETE FROM engine_instances WHERE id = '{CompletedInstance}'",
            Invariant.AcknowledgedPersisted
        },
        {
            "an acknowledged completion is lost",
            $"UPDATE engine_tasks SET state = 0, completed_by = NULL, completed_at = NULL WHERE id = '{CompletedTask}'",
            Invariant.AcknowledgedPersisted
        },
        {
            "an acknowledged claim is lost",
            $"UPDATE engine_tasks SET assignee = NULL WHERE id = '{CompletedTask}'",
            Invariant.AcknowledgedPersisted
        },
        {
            "a task outlives its instance",
            $"DELETE FROM engine_instances WHERE id = '{HazardInstance}'",
            Invariant.NoOrphans
        },
        {
            "an open task its instance does not wait for",
            $"""
            INSERT INTO engine_tasks (id, instance_id, execution_id, definition_id, definition_key, element_id, candidate_users, candidate_groups, priority, state, created_at)
            VALUES ('{Guid.NewGuid().ToString().ToUpperInvariant()}', '{ActiveInstance}', 9, '{ProbeDefinition}', 'crash-probe', 'Task_Escalated', '[]', '[]', 50, 0, 0)
            """,
            Invariant.NoOrphans
        },
        {
            "a timer job of a completed instance",
            $"UPDATE engine_jobs SET instance_id = '{CompletedInstance}' WHERE id = '{EscalationTimer}'",
            Invariant.NoOrphans
        },
        {
            "a token waits on a task that is gone",
            $"DELETE FROM engine_tasks WHERE id = '{ReviewTask}'",
            Invariant.NoLostToken
        },
        {
            "a token waits on a timer job that is gone",
            $"DELETE FROM engine_jobs WHERE id = '{EscalationTimer}'",
            Invariant.NoLostToken
        },
        {
            "an active instance waits on nothing",
            $$"""UPDATE engine_instances SET document = '{"n":3,"h":5,"x":[{"i":1,"k":0}],"c":[]}' WHERE id = '{{HazardInstance}}'""",
            Invariant.NoLostToken
        },
        {
            "a token was stored mid-flight",
            $$"""UPDATE engine_instances SET document = '{{ActiveDocument("""{"i":2,"p":1,"k":1,"e":"Task_Review","w":1,"a":"Flow_ToReview","j":["A2000000-0000-0000-0000-0000000000A2","Timer_Escalate"],"t":"A1000000-0000-0000-0000-0000000000A1"},{"i":3,"p":1,"k":1,"e":"Merge","a":"Flow_ReviewDone"}""")}}' WHERE id = '{{ActiveInstance}}'""",
            Invariant.NoLostToken
        },
        {
            "a token was duplicated",
            $$"""UPDATE engine_instances SET document = '{{ActiveDocument("""{"i":2,"p":1,"k":1,"e":"Task_Review","w":1,"a":"Flow_ToReview","j":["A2000000-0000-0000-0000-0000000000A2","Timer_Escalate"],"t":"A1000000-0000-0000-0000-0000000000A1"},{"i":3,"p":1,"k":1,"e":"Join","w":6,"a":"Flow_ShortToJoin"},{"i":4,"p":1,"k":1,"e":"Join","w":6,"a":"Flow_ShortToJoin"}""")}}' WHERE id = '{{ActiveInstance}}'""",
            Invariant.NoDuplicatedToken
        },
        {
            "a one-shot timer fired twice",
            $"""
            INSERT INTO engine_history (id, instance_id, sequence, definition_id, type, element_id, element_type, timestamp)
            VALUES ('{Guid.NewGuid()}', '{ActiveInstance}', 8, '{ProbeDefinition}', 51, 'Timer_Wait', 'intermediateCatchEvent', 0)
            """,
            Invariant.TimerFiredOnce
        },
        {
            "a due timer never fired",
            $"UPDATE engine_jobs SET due_at = {Ticks(AsOf.AddMinutes(-1))} WHERE id = '{EscalationTimer}'",
            Invariant.TimerFiredOnce
        },
        {
            "a completed instance has no end in its history",
            $"DELETE FROM engine_history WHERE instance_id = '{CompletedInstance}' AND type = 1",
            Invariant.HistoryMatchesState
        },
        {
            "a completed instance never reached an end event",
            $"DELETE FROM engine_history WHERE instance_id = '{CompletedInstance}' AND element_type = 'endEvent'",
            Invariant.HistoryMatchesState
        },
        {
            "a task completion was recorded twice",
            $"""
            INSERT INTO engine_history (id, instance_id, sequence, definition_id, type, element_id, element_type, task_id, timestamp)
            VALUES ('{Guid.NewGuid()}', '{CompletedInstance}', 6, '{ProbeDefinition}', 22, 'Task_Review', 'userTask', '{CompletedTask}', 0)
            """,
            Invariant.HistoryMatchesState
        },
        {
            "an active instance has an end in its history",
            $"""
            INSERT INTO engine_history (id, instance_id, sequence, definition_id, type, timestamp)
            VALUES ('{Guid.NewGuid()}', '{ActiveInstance}', 8, '{ProbeDefinition}', 1, 0)
            """,
            Invariant.HistoryMatchesState
        },
        {
            "a history entry was written twice",
            $"""
            INSERT INTO engine_history (id, instance_id, sequence, definition_id, type, element_id, element_type, timestamp)
            VALUES ('{Guid.NewGuid()}', '{ActiveInstance}', 5, '{ProbeDefinition}', 10, 'Task_Review', 'userTask', 0)
            """,
            Invariant.HistoryMatchesState
        },
        {
            "a hazard is out of step with its open task",
            $"UPDATE Hazards SET State = 'Planning' WHERE Id = '{Hazard}'",
            Invariant.HazardMirrorsLoop
        },
        {
            "a graded hazard is stored ungraded",
            $"""
            UPDATE engine_tasks SET state = 1, completed_by = 'fire-officer' WHERE id = '{GradingTask}';
            INSERT INTO engine_history (id, instance_id, sequence, definition_id, type, element_id, element_type, task_id, timestamp)
            VALUES ('{Guid.NewGuid()}', '{HazardInstance}', 3, '{HazardDefinition}', 22, 'Task_GradeHazard', 'userTask', '{GradingTask}', 0)
            """,
            Invariant.HazardMirrorsLoop
        },
    };

    [Theory]
    [MemberData(nameof(BrokenDatabases))]
    public async Task The_checker_names_the_broken_invariant(string breakage, string sql, string expected)
    {
        using var db = await CreateAsync();
        db.Execute(sql);

        var violations = Checker.Check(db.Path, db.Acknowledged, AsOf);

        Assert.True(violations.Any(v => v.Invariant == expected),
            $"{breakage}: expected [{expected}], found: {string.Join("; ", violations)}");
    }

    [Fact]
    public async Task A_timer_due_within_the_margin_is_not_yet_missed()
    {
        using var db = await CreateAsync();
        db.Execute($"UPDATE engine_jobs SET due_at = {Ticks(AsOf.AddSeconds(-3))} WHERE id = '{EscalationTimer}'");

        Assert.Empty(Checker.Check(db.Path, db.Acknowledged, AsOf));
    }
}
