using System.Collections.Concurrent;

namespace WorkflowHub.Reliability.Tests.Invariants;

/// <summary>
/// Every command the server acknowledged (answered 2xx), with the ids it returned. Whatever is here must be in the
/// database afterwards, however the server was stopped. Safe to add to from several workers at once.
/// </summary>
public sealed class AcknowledgedWork
{
    private readonly ConcurrentBag<ReportedHazardAck> _hazards = [];
    private readonly ConcurrentBag<Guid> _startedInstances = [];
    private readonly ConcurrentDictionary<Guid, string> _claimedTasks = new();
    private readonly ConcurrentDictionary<Guid, string> _completedTasks = new();

    public IReadOnlyCollection<ReportedHazardAck> ReportedHazards => _hazards;

    public IReadOnlyCollection<Guid> StartedInstances => _startedInstances;

    /// <summary>Task id → the user it was claimed by.</summary>
    public IReadOnlyDictionary<Guid, string> ClaimedTasks => _claimedTasks;

    /// <summary>Task id → the user who completed it.</summary>
    public IReadOnlyDictionary<Guid, string> CompletedTasks => _completedTasks;

    public int Count => _hazards.Count + _startedInstances.Count + _claimedTasks.Count + _completedTasks.Count;

    public void HazardReported(Guid hazardId, Guid instanceId) => _hazards.Add(new ReportedHazardAck(hazardId, instanceId));

    public void InstanceStarted(Guid instanceId) => _startedInstances.Add(instanceId);

    public void TaskClaimed(Guid taskId, string userName) => _claimedTasks[taskId] = userName;

    public void TaskCompleted(Guid taskId, string userName) => _completedTasks[taskId] = userName;
}

public sealed record ReportedHazardAck(Guid HazardId, Guid InstanceId);
