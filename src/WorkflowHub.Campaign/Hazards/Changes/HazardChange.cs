namespace WorkflowHub.Campaign.Hazards.Changes;

/// <summary>A committed change to one hazard; <see cref="Detail"/> says in words what changed and who changed it.</summary>
public sealed record HazardChange(Guid HazardId, string HazardNumber, HazardChangeKind Kind, string Detail);
