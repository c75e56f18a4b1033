using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

internal sealed class TaskCandidateConfiguration : IEntityTypeConfiguration<TaskCandidate>
{
    public void Configure(EntityTypeBuilder<TaskCandidate> builder)
    {
        builder.ToTable(EngineTables.TaskCandidates);
        builder.HasKey(c => new { c.TaskId, c.Kind, c.Value });
        builder.HasOne<UserTaskRecord>().WithMany().HasForeignKey(c => c.TaskId).OnDelete(DeleteBehavior.Cascade);

        // Covering index for "offered to user U or any of groups G": seek on (kind, value), read task_id from the index.
        builder.HasIndex(c => new { c.Kind, c.Value, c.TaskId });
    }
}
