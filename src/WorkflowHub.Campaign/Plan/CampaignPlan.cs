namespace WorkflowHub.Campaign.Plan;

/// <summary>The city's three-year campaign plan as data, read from <c>workflows/campaign-plan.json</c>.</summary>
public sealed record CampaignPlan
{
    public required PlanCampaign Campaign { get; init; }
    public required IReadOnlyList<PlanPhase> Phases { get; init; }
    public required IReadOnlyList<PlanOrgUnit> OrgUnits { get; init; }
    public required IReadOnlyList<PlanArea> Areas { get; init; }

    /// <summary>How the data was derived from the plan text (editorial decisions), for maintainers of the file.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
