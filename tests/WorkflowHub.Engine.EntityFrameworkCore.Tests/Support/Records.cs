namespace WorkflowHub.Engine.EntityFrameworkCore.Tests.Support;

/// <summary>Rows with sensible defaults, so a test states only what it is about.</summary>
public static class Records
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static DefinitionRecord Definition(string key, int version, string xml = "<definitions/>")
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(xml)));
        return new DefinitionRecord
        {
            Id = $"{key}:{version}:{hash[..8]}",
            Key = key,
            Version = version,
            Name = key,
            Xml = xml,
            ContentHash = hash,
            DeployedAt = T0,
            DeployedBy = "admin",
        };
    }

    public static InstanceRecord Instance(string key = "hazard", string? businessKey = null, DateTimeOffset? startedAt = null) => new()
    {
        Id = Guid.NewGuid(),
        DefinitionId = key + ":1",
        DefinitionKey = key,
        DefinitionVersion = 1,
        BusinessKey = businessKey,
        State = InstanceState.Active,
        StartedAt = startedAt ?? T0,
        StartedBy = "u1",
        Version = 1,
        Document = "{\"executions\":[]}",
    };

    public static UserTaskRecord UserTask(InstanceRecord instance, string elementId = "review", DateTimeOffset? createdAt = null) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        ExecutionId = 1,
        DefinitionId = instance.DefinitionId,
        DefinitionKey = instance.DefinitionKey,
        BusinessKey = instance.BusinessKey,
        ElementId = elementId,
        Name = "审核 " + elementId,
        State = UserTaskState.Active,
        CreatedAt = createdAt ?? T0,
    };

    public static JobRecord Job(DateTimeOffset dueAt, int priority = 0, int retries = 3, Guid? instanceId = null, string key = "hazard") => new()
    {
        Id = Guid.NewGuid(),
        Kind = JobKind.Timer,
        InstanceId = instanceId,
        ExecutionId = instanceId is null ? 0 : 1,
        DefinitionId = key + ":1",
        DefinitionKey = key,
        ElementId = "timer",
        DueAt = dueAt,
        Retries = retries,
        Priority = priority,
        CreatedAt = T0,
    };

    public static EventSubscriptionRecord Subscription(string messageName, InstanceRecord? instance, DateTimeOffset? createdAt = null, string key = "hazard") => new()
    {
        Id = Guid.NewGuid(),
        MessageName = messageName,
        InstanceId = instance?.Id,
        ExecutionId = instance is null ? 0 : 1,
        DefinitionId = key + ":1",
        DefinitionKey = key,
        ElementId = "catch",
        BusinessKey = instance?.BusinessKey,
        CreatedAt = createdAt ?? T0,
    };

    public static IncidentRecord Incident(InstanceRecord instance, DateTimeOffset createdAt) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        ExecutionId = 1,
        DefinitionId = instance.DefinitionId,
        DefinitionKey = instance.DefinitionKey,
        ElementId = "script",
        Type = "script",
        Message = "脚本失败",
        State = IncidentState.Open,
        CreatedAt = createdAt,
    };

    public static HistoryEventRecord History(InstanceRecord instance, long sequence, HistoryEventType type = HistoryEventType.ActivityStarted) => new()
    {
        Id = Guid.NewGuid(),
        InstanceId = instance.Id,
        Sequence = sequence,
        DefinitionId = instance.DefinitionId,
        Type = type,
        ElementId = "e" + sequence,
        ElementType = "userTask",
        UserId = "u1",
        Timestamp = T0.AddSeconds(sequence),
        Data = "{\"n\":" + sequence + "}",
    };
}
