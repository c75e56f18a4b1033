using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Tests.Support;

namespace WorkflowHub.Engine.Tests.Runtime;

public class UserTaskTests
{
    private const string Process = """
        <bpmn:startEvent id="start" camunda:initiator="starter" />
        <bpmn:userTask id="review" name="Review" camunda:assignee="${owner}" camunda:candidateGroups="safety, office" camunda:candidateUsers="${['li', 'wang']}"
                       camunda:dueDate="P3D" camunda:followUpDate="2026-02-01T00:00:00Z" camunda:priority="${level * 10}" camunda:formKey="camunda-forms:deployment:review.form" />
        <bpmn:endEvent id="end" />
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end" />
        """;

    [Fact]
    public async Task User_task_takes_every_camunda_attribute_and_waits_until_completed()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process(Process));
        var started = await h.Engine.StartInstanceAsync("p", "HZ-1", new Dictionary<string, object?> { ["owner"] = "zhang", ["level"] = 7 }, "admin");

        Assert.Equal(InstanceState.Active, started.State);
        Assert.Equal(["review"], started.ActiveElementIds);
        Assert.Equal("admin", started.Variables["starter"]);
        var task = await h.SingleTaskAsync(started.Id, "review");
        Assert.Equal("zhang", task.Assignee);
        Assert.Equal(["safety", "office"], task.CandidateGroups);
        Assert.Equal(["li", "wang"], task.CandidateUsers);
        Assert.Equal(h.Clock.GetUtcNow().AddDays(3), task.DueDate);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), task.FollowUpDate);
        Assert.Equal(70, task.Priority);
        Assert.Equal("camunda-forms:deployment:review.form", task.FormKey);
        Assert.Equal("HZ-1", task.BusinessKey);
        Assert.Equal("p", task.DefinitionKey);

        await h.Engine.CompleteTaskAsync(task.Id, new Dictionary<string, object?> { ["approved"] = true }, "zhang");

        var done = await h.InstanceAsync(started.Id);
        Assert.Equal(InstanceState.Completed, done.State);
        Assert.Empty(done.ActiveElementIds);
        Assert.Contains("review", done.CompletedElementIds);
        Assert.Contains("end", done.CompletedElementIds);
        Assert.Equal(true, done.Variables["approved"]);
        var history = await h.Store.GetHistoryAsync(started.Id);
        Assert.Contains(history, e => e.Type == HistoryEventType.TaskCompleted && e.UserId == "zhang");
        Assert.Equal(HistoryEventType.InstanceCompleted, history[^1].Type);
        Assert.True(history.Select(e => e.Sequence).SequenceEqual(history.Select(e => e.Sequence).Order()));
    }

    [Fact]
    public async Task Completing_a_task_returns_its_instance_as_a_fresh_read_shows_it()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="first" />
            <bpmn:userTask id="second" />
            <bpmn:endEvent id="end" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="first" />
            <bpmn:sequenceFlow id="f2" sourceRef="first" targetRef="second" />
            <bpmn:sequenceFlow id="f3" sourceRef="second" targetRef="end" />
            """));
        var started = await h.Engine.StartInstanceAsync("p");

        var afterFirst = await h.Engine.CompleteTaskAsync((await h.SingleTaskAsync(started.Id, "first")).Id, new Dictionary<string, object?> { ["checked"] = 1L });
        AssertSameView(await h.InstanceAsync(started.Id), afterFirst);
        Assert.Equal(InstanceState.Active, afterFirst.State);
        Assert.Equal(["second"], afterFirst.ActiveElementIds);

        var afterSecond = await h.Engine.CompleteTaskAsync((await h.SingleTaskAsync(started.Id, "second")).Id);
        AssertSameView(await h.InstanceAsync(started.Id), afterSecond);
        Assert.Equal(InstanceState.Completed, afterSecond.State);
        Assert.Empty(afterSecond.ActiveElementIds);
        Assert.NotNull(afterSecond.EndedAt);

        static void AssertSameView(InstanceView read, InstanceView returned)
        {
            Assert.Equal(read.State, returned.State);
            Assert.Equal(read.EndedAt, returned.EndedAt);
            Assert.Equal(read.ActiveElementIds, returned.ActiveElementIds);
            Assert.Equal(read.CompletedElementIds, returned.CompletedElementIds);
            Assert.Equal(read.Variables, returned.Variables);
            Assert.Equal(read.Incidents.Count, returned.Incidents.Count);
        }
    }

    [Fact]
    public async Task Completing_twice_or_an_unknown_task_throws_typed_exceptions()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process(Process));
        var started = await h.Engine.StartInstanceAsync("p", variables: new Dictionary<string, object?> { ["owner"] = "a", ["level"] = 1 });
        var task = await h.SingleTaskAsync(started.Id, "review");
        await h.Engine.CompleteTaskAsync(task.Id);

        await Assert.ThrowsAsync<TaskAlreadyCompletedException>(() => h.Engine.CompleteTaskAsync(task.Id));
        await Assert.ThrowsAsync<TaskNotFoundException>(() => h.Engine.CompleteTaskAsync(Guid.NewGuid()));
        await Assert.ThrowsAsync<DefinitionNotFoundException>(() => h.Engine.StartInstanceAsync("missing"));
    }

    [Fact]
    public async Task Claim_sets_the_assignee_and_refuses_a_second_claimant()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start" />
            <bpmn:userTask id="t" camunda:candidateGroups="safety" />
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t" />
            """));
        var started = await h.Engine.StartInstanceAsync("p");
        var task = await h.SingleTaskAsync(started.Id, "t");
        Assert.Single((await h.Store.QueryTasksAsync(new TaskQuery { CandidateGroups = ["safety"], Unassigned = true })).Items);

        await h.Engine.ClaimTaskAsync(task.Id, "li");
        await Assert.ThrowsAsync<InvalidCommandException>(() => h.Engine.ClaimTaskAsync(task.Id, "wang"));

        Assert.Equal("li", (await h.Store.FindTaskAsync(task.Id))!.Assignee);
        Assert.Single((await h.Store.QueryTasksAsync(new TaskQuery { Assignee = "li" })).Items);
    }
}
