using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

internal sealed class UserTaskConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder)
    {
        builder.ToTable(EngineTables.Tasks);
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.DefinitionId).IsRequired();
        builder.Property(t => t.DefinitionKey).IsRequired();
        builder.Property(t => t.ElementId).IsRequired();

        // Kept on the row as JSON for reading the task in one row; queries use engine_task_candidates.
        builder.PrimitiveCollection(t => t.CandidateUsers).IsRequired();
        builder.PrimitiveCollection(t => t.CandidateGroups).IsRequired();

        // Every index over "state" is rewritten when a task completes, so only the ones the filters need: inbox pages are
        // small once narrowed by assignee, candidate or instance, and are sorted after the seek.
        builder.HasIndex(t => new { t.InstanceId, t.State });
        builder.HasIndex(t => new { t.Assignee, t.State });
        builder.HasIndex(t => new { t.State, t.DueDate });
        builder.HasIndex(t => t.BusinessKey);
        builder.HasIndex(t => new { t.DefinitionKey, t.ElementId });

        // Inboxes go from engine_task_candidates to the tasks by id; this index answers "still active and unassigned?"
        // and the sort keys without reading the task rows, so counting a group's inbox and picking its page touch
        // index entries only; the page's 20 rows are read afterwards (EfEngineStore.QueryTasksAsync).
        builder.HasIndex(t => new { t.Id, t.State, t.Assignee, t.CreatedAt, t.DueDate, t.Priority });
    }
}
