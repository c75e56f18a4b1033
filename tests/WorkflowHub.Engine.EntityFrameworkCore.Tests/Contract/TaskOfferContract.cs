using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Model;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Contract;

/// <summary>
/// engine_task_offers stays exactly the candidates of the active, unassigned tasks (with their sort keys) through every
/// write that changes them, while engine_task_candidates keeps the candidates of every task. Run on every EF provider,
/// through the SQLite direct writes and through SaveChanges (a commit with a rare write, here an incident).
/// </summary>
public abstract class TaskOfferContract : IAsyncLifetime
{
    private EfEngineStore _store = null!;

    protected abstract Task<EfEngineStore> CreateStoreAsync();

    protected abstract EngineDbContext OpenContext();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public virtual Task DisposeAsync()
    {
        _store.Dispose();
        return Task.CompletedTask;
    }

    [StoreFact]
    public Task Offers_follow_tasks_through_direct_writes() => FollowTasksAsync(withRareWrite: false);

    [StoreFact]
    public Task Offers_follow_tasks_through_SaveChanges() => FollowTasksAsync(withRareWrite: true);

    private async Task FollowTasksAsync(bool withRareWrite)
    {
        var instance = Instance();
        var created = 0;
        var open = NewTask("open", ["消防支队"], ["wang"]);
        var claimed = NewTask("claimed", ["消防支队"]);
        var completed = NewTask("completed", ["住建局", "消防支队"]);
        var cancelled = NewTask("cancelled", ["消防支队"]);
        var moved = NewTask("moved", ["区县政府"]);
        var noCandidates = NewTask("none", []);
        var bornTaken = NewTask("bornTaken", ["消防支队"]);
        bornTaken.Assignee = "li";
        var all = new[] { open, claimed, completed, cancelled, moved, noCandidates, bornTaken };
        await CommitAsync(tx =>
        {
            tx.AddInstance(instance);
            foreach (var task in all)
            {
                tx.AddTask(task);
            }
        });
        Assert.Equal(
            ["cancelled:1:消防支队", "claimed:1:消防支队", "completed:1:住建局", "completed:1:消防支队", "moved:1:区县政府", "open:0:wang", "open:1:消防支队"],
            await AssertOffersAreTheOpenCandidatesAsync());

        await UpdateAsync(claimed.Id, t => t.Assignee = "zhao");
        await UpdateAsync(completed.Id, t => t.State = UserTaskState.Completed);
        await UpdateAsync(moved.Id, t =>
        {
            t.CandidateGroups = ["市安委办"];
            t.CandidateUsers = ["sun"];
            t.DueDate = T0.AddDays(3);
            t.Priority = 90;
        });
        await UpdateAsync(open.Id, t => t.Name = "改名不影响邀约");
        cancelled.State = UserTaskState.Cancelled;
        await CommitAsync(tx => tx.UpdateTask(cancelled));
        Assert.Equal(
            ["moved:0:sun", "moved:1:市安委办", "open:0:wang", "open:1:消防支队"],
            await AssertOffersAreTheOpenCandidatesAsync());

        await UpdateAsync(claimed.Id, t => t.Assignee = null);
        await UpdateAsync(moved.Id, t => t.DueDate = T0.AddDays(1));
        await UpdateAsync(bornTaken.Id, t => t.State = UserTaskState.Completed);
        Assert.Equal(
            ["claimed:1:消防支队", "moved:0:sun", "moved:1:市安委办", "open:0:wang", "open:1:消防支队"],
            await AssertOffersAreTheOpenCandidatesAsync());

        // The history of offers stays in engine_task_candidates.
        await using var db = OpenContext();
        Assert.Equal(9, await db.TaskCandidates.CountAsync());

        UserTaskRecord NewTask(string element, string[] groups, string[]? users = null)
        {
            var task = UserTask(instance, element, T0.AddMinutes(++created));
            task.CandidateGroups = groups;
            task.CandidateUsers = users ?? [];
            return task;
        }

        async Task CommitAsync(Action<IEngineTransaction> write)
        {
            await using var tx = await _store.BeginAsync();
            write(tx);
            if (withRareWrite)
            {
                tx.AddIncident(Incident(instance, T0));
            }

            await tx.CommitAsync();
        }

        async Task UpdateAsync(Guid taskId, Action<UserTaskRecord> change)
        {
            await using var tx = await _store.BeginAsync();
            var task = (await tx.FindTaskAsync(taskId))!;
            change(task);
            tx.UpdateTask(task);
            if (withRareWrite)
            {
                tx.AddIncident(Incident(instance, T0));
            }

            await tx.CommitAsync();
        }
    }

    /// <summary>Asserts that the offers are the candidates of active, unassigned tasks with their sort keys; returns them as "element:kind:value".</summary>
    private async Task<List<string>> AssertOffersAreTheOpenCandidatesAsync()
    {
        await using var db = OpenContext();
        var expected = await (
            from c in db.TaskCandidates
            join t in db.Tasks on c.TaskId equals t.Id
            where t.State == UserTaskState.Active && t.Assignee == null
            select new { t.ElementId, c.Kind, c.Value, t.CreatedAt, t.DueDate, t.Priority }).ToListAsync();
        var actual = await (
            from o in db.TaskOffers
            join t in db.Tasks on o.TaskId equals t.Id
            select new { t.ElementId, o.Kind, o.Value, o.CreatedAt, o.DueDate, o.Priority }).ToListAsync();
        Assert.Equal(
            expected.Select(e => e.ToString()).Order(StringComparer.Ordinal),
            actual.Select(a => a.ToString()).Order(StringComparer.Ordinal));
        return [.. actual.Select(a => $"{a.ElementId}:{(int)a.Kind}:{a.Value}").Order(StringComparer.Ordinal)];
    }
}
