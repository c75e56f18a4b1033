namespace WorkflowHub.Campaign.Infrastructure.Pipeline;

/// <summary>
/// A request that acts on one org unit's work. The authorization behaviour refuses it unless the user
/// belongs to that unit or sees all units (<see cref="OrgUnitScope.SeesAllUnits"/>).
/// </summary>
public interface IOrgUnitScopedRequest
{
    string OrgUnitCode { get; }
}
