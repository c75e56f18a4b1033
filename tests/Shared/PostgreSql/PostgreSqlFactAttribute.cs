namespace WorkflowHub.Testing.PostgreSql;

/// <summary>A fact that needs PostgreSQL: skipped, with the reason, on a machine where none can be started.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlCluster.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
