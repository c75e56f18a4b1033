using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;
using static WorkflowHub.Engine.Tests.Support.Bpmn;

namespace WorkflowHub.Engine.Tests.Runtime;

/// <summary>
/// Small execution trees are searched in place and large ones through an index built on demand: an instance whose
/// tree grows past that point, shrinks below it and grows again must behave exactly like a small one.
/// </summary>
public class LargeExecutionTreeTests
{
    private static string ParallelReview(int items) => Process($$"""
        <bpmn:startEvent id="start" />
        <bpmn:userTask id="review" camunda:assignee="${reviewer}">
          <bpmn:multiInstanceLoopCharacteristics camunda:collection="${reviewers}" camunda:elementVariable="reviewer" />
        </bpmn:userTask>
        <bpmn:userTask id="again">
          <bpmn:multiInstanceLoopCharacteristics>
            <bpmn:loopCardinality>{{items}}</bpmn:loopCardinality>
          </bpmn:multiInstanceLoopCharacteristics>
        </bpmn:userTask>
        <bpmn:endEvent id="end" />
        {{Flow("f0", "start", "review")}}{{Flow("f1", "review", "again")}}{{Flow("f2", "again", "end")}}
        """);

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public async Task Parallel_instances_complete_one_by_one_whatever_the_size_of_the_tree(int items)
    {
        var h = new EngineHarness();
        await h.DeployAsync(ParallelReview(items));
        var reviewers = Enumerable.Range(0, items).Select(i => $"user{i:D2}").ToArray();
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["reviewers"] = reviewers });

        var tasks = await h.TasksAsync(instance.Id);
        Assert.Equal(reviewers, tasks.Select(t => t.Assignee).Order(StringComparer.Ordinal));

        // Complete them in an order unrelated to creation, each in its own command that loads the instance again.
        foreach (var task in tasks.OrderByDescending(t => t.Assignee, StringComparer.Ordinal))
        {
            Assert.Equal(["review"], (await h.InstanceAsync(instance.Id)).ActiveElementIds);
            await h.Engine.CompleteTaskAsync(task.Id);
        }

        var second = await h.TasksAsync(instance.Id);
        Assert.Equal(items, second.Count(t => t.ElementId == "again" && t.State == UserTaskState.Active));
        foreach (var task in second.Where(t => t.State == UserTaskState.Active))
        {
            await h.Engine.CompleteTaskAsync(task.Id);
        }

        var done = await h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceState.Completed, done.State);
        Assert.Empty(done.ActiveElementIds);
        Assert.Equal(["start", "review", "again", "end"], done.CompletedElementIds);

        var history = await h.Store.GetHistoryAsync(instance.Id);
        Assert.Equal(2 * items, history.Count(e => e.Type == HistoryEventType.TaskCompleted));
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Cancelling_a_large_tree_cancels_every_task()
    {
        var h = new EngineHarness();
        await h.DeployAsync(ParallelReview(2));
        var reviewers = Enumerable.Range(0, 30).Select(i => $"user{i:D2}").ToArray();
        var instance = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["reviewers"] = reviewers });
        await h.Engine.CompleteTaskAsync((await h.TasksAsync(instance.Id))[7].Id);

        await h.Engine.CancelInstanceAsync(instance.Id);

        var tasks = (await h.Store.QueryTasksAsync(new TaskQuery { InstanceId = instance.Id, State = null, Take = 1000 })).Items;
        Assert.Equal(29, tasks.Count(t => t.State == UserTaskState.Cancelled));
        Assert.Equal(1, tasks.Count(t => t.State == UserTaskState.Completed));
        Assert.Equal(InstanceState.Cancelled, (await h.InstanceAsync(instance.Id)).State);
    }
}
