using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Domain;

/// <summary>A topic (专题) or sector (行业领域) of the campaign with its units, tasks and targets.</summary>
public sealed class Area : IVersioned
{
    public required string Code { get; set; }
    public int Number { get; set; }
    public AreaKind Kind { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public long Version { get; set; }

    public List<AreaUnit> Units { get; } = [];
    public List<AreaTask> Tasks { get; } = [];
    public List<Target> Targets { get; } = [];
}
