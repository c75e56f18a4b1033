using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WorkflowHub.Engine.EntityFrameworkCore.Model;

internal sealed class TaskOfferConfiguration : IEntityTypeConfiguration<TaskOffer>
{
    public void Configure(EntityTypeBuilder<TaskOffer> builder)
    {
        builder.ToTable(EngineTables.TaskOffers);

        // Keyed by task first: the write path removes a task's offers by task id when it is claimed, completed or cancelled.
        builder.HasKey(o => new { o.TaskId, o.Kind, o.Value });
        builder.HasOne<UserTaskRecord>().WithMany().HasForeignKey(o => o.TaskId).OnDelete(DeleteBehavior.Cascade);

        // Covering index of an inbox: seek on (kind, value), then the sort keys of every sort order and the task id, so
        // the count and the choice of a page read index entries only, one per open offer.
        builder.HasIndex(o => new { o.Kind, o.Value, o.CreatedAt, o.DueDate, o.Priority, o.TaskId });
    }
}
