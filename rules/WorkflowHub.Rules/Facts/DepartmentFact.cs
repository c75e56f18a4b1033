namespace WorkflowHub.Rules.Facts;

/// <summary>An org unit that can be addressed by a decision (a lead department, a district government, an enterprise).</summary>
public sealed class DepartmentFact
{
    public required string UnitCode { get; init; }

    public string? Name { get; init; }

    /// <summary>The head (主要负责人) who is interviewed; named in the reason when known.</summary>
    public string? HeadName { get; init; }
}
