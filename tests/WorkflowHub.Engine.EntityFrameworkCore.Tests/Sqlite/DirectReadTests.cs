using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Engine.EntityFrameworkCore.Providers;
using WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;
using static WorkflowHub.Engine.EntityFrameworkCore.Tests.Support.Records;

namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Sqlite;

/// <summary>
/// On SQLite a command reads its task and instance with hand-written SELECTs: every property must come back exactly as
/// EF's own query materializes it, for rows written by SaveChanges and for rows written by a store commit.
/// </summary>
public sealed class DirectReadTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_command_reads_the_task_and_instance_as_EF_materializes_them(bool fullyPopulated)
    {
        var store = await _database.CreateMigratedStoreAsync();
        var instance = Instance(businessKey: fullyPopulated ? "HZ-1" : null);
        var task = UserTask(instance);
        if (fullyPopulated)
        {
            instance.ParentInstanceId = Guid.NewGuid();
            instance.EndedAt = T0.AddHours(1).ToOffset(TimeSpan.FromHours(8));
            instance.State = InstanceState.Completed;
            instance.Version = 7;
            task.Assignee = "张三";
            task.CandidateUsers = ["张三", "李四", "quote\"d"];
            task.CandidateGroups = ["市应急管理局"];
            task.DueDate = T0.AddDays(3);
            task.FollowUpDate = T0.AddDays(2);
            task.ClaimedAt = T0.AddMinutes(5);
            task.CompletedAt = T0.AddMinutes(9);
            task.CompletedBy = "王五";
            task.FormKey = "form:review";
            task.Priority = 80;
            task.State = UserTaskState.Completed;
        }
        else
        {
            instance.StartedBy = null;
            task.Name = null;
        }

        await using (var db = CreateContext())
        {
            db.Instances.Add(instance);
            db.Tasks.Add(task);
            await db.SaveChangesAsync();
        }

        await AssertReadsLikeEfAsync(store, instance.Id, task.Id);

        // A row the store wrote itself reads back the same way.
        var other = Instance(businessKey: "HZ-2");
        var otherTask = UserTask(other);
        otherTask.CandidateGroups = ["组"];
        await using (var tx = await store.BeginAsync())
        {
            tx.AddInstance(other);
            tx.AddTask(otherTask);
            await tx.CommitAsync();
        }

        await AssertReadsLikeEfAsync(store, other.Id, otherTask.Id);
    }

    [Fact]
    public async Task Missing_rows_read_as_null()
    {
        var store = await _database.CreateMigratedStoreAsync();
        await using var tx = await store.BeginAsync();
        Assert.Null(await tx.FindInstanceAsync(Guid.NewGuid()));
        Assert.Null(await tx.FindTaskAsync(Guid.NewGuid()));
    }

    private async Task AssertReadsLikeEfAsync(EfEngineStore store, Guid instanceId, Guid taskId)
    {
        InstanceRecord expectedInstance;
        UserTaskRecord expectedTask;
        await using (var db = CreateContext())
        {
            expectedInstance = await db.Instances.AsNoTracking().SingleAsync(i => i.Id == instanceId);
            expectedTask = await db.Tasks.AsNoTracking().SingleAsync(t => t.Id == taskId);
        }

        await using var tx = await store.BeginAsync();
        var instance = await tx.FindInstanceAsync(instanceId);
        var task = await tx.FindTaskAsync(taskId);
        Assert.Equal(JsonSerializer.Serialize(expectedInstance), JsonSerializer.Serialize(instance));
        Assert.Equal(JsonSerializer.Serialize(expectedTask), JsonSerializer.Serialize(task));
    }

    private EngineDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<EngineDbContext>();
        new SqliteEngineDatabaseProvider(_database.ConnectionString).Configure(builder);
        return new EngineDbContext(builder.Options);
    }
}
