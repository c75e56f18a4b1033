namespace WorkflowHub.Campaign.Hazards;

/// <summary>What a reporter says about a hazard, already checked and resolved to codes.</summary>
public sealed record NewHazard(
    string Title,
    string Description,
    string AreaCode,
    string DistrictCode,
    string ResponsibleUnitCode,
    string? EnterpriseUnitCode,
    string? EnterpriseName,
    HazardSource Source,
    DateTimeOffset FoundAt,
    string? Location);
