using WorkflowHub.Engine.Persistence;
using WorkflowHub.Engine.Persistence.InMemory;

namespace WorkflowHub.Engine.Tests.Support;

/// <summary>An engine over an in-memory store and a manual clock, with helpers to drive instances.</summary>
public sealed class EngineHarness
{
    public EngineHarness(
        IEnumerable<IExternalTaskHandler>? handlers = null,
        IBusinessRuleEvaluator? rules = null,
        IEnumerable<IEngineEventListener>? listeners = null,
        WorkflowEngineOptions? options = null)
    {
        Engine = new WorkflowEngine(Store, Clock, options, handlers, rules, listeners);
    }

    public InMemoryEngineStore Store { get; } = new();

    public ManualTimeProvider Clock { get; } = new();

    public WorkflowEngine Engine { get; }

    public Task<DeploymentResult> DeployAsync(string xml) => Engine.DeployAsync(xml);

    public async Task<IReadOnlyList<UserTaskRecord>> TasksAsync(Guid instanceId) =>
        (await Store.QueryTasksAsync(new TaskQuery { InstanceId = instanceId, Take = 1000 })).Items;

    public async Task<UserTaskRecord> SingleTaskAsync(Guid instanceId, string elementId)
    {
        var tasks = (await TasksAsync(instanceId)).Where(t => t.ElementId == elementId).ToList();
        Assert.True(tasks.Count == 1, $"Expected one active task '{elementId}', found {tasks.Count}: {string.Join(", ", (await TasksAsync(instanceId)).Select(t => t.ElementId))}");
        return tasks[0];
    }

    public async Task CompleteAsync(Guid instanceId, string elementId, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var task = await SingleTaskAsync(instanceId, elementId);
        await Engine.CompleteTaskAsync(task.Id, variables, "tester");
    }

    public async Task<InstanceView> InstanceAsync(Guid id) => (await Engine.GetInstanceAsync(id))!;

    /// <summary>Runs due jobs until none is due at the current time.</summary>
    public async Task<int> RunJobsAsync()
    {
        var total = 0;
        for (var round = 0; round < 100; round++)
        {
            var n = await Engine.ExecuteDueJobsAsync("test-node", 50);
            total += n;
            if (n == 0)
            {
                return total;
            }
        }

        return total;
    }

    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await RunJobsAsync();
    }

    public async Task<IReadOnlyList<IncidentRecord>> IncidentsAsync(Guid instanceId) =>
        (await Store.QueryIncidentsAsync(new IncidentQuery { InstanceId = instanceId })).Items;
}
