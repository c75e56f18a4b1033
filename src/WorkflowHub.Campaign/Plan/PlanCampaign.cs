namespace WorkflowHub.Campaign.Plan;

/// <summary>The campaign itself: its name and the period every phase and deadline must fall in.</summary>
public sealed record PlanCampaign
{
    public required string NameZh { get; init; }
    public required string NameEn { get; init; }
    public required DateOnly Start { get; init; }
    public required DateOnly End { get; init; }

    /// <summary>A stable key for the campaign, optional.</summary>
    public string? Code { get; init; }

    /// <summary>The plan's own words for the period, kept for auditors.</summary>
    public string? SourceZh { get; init; }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public string PeriodText => $"{Start:yyyy-MM-dd}..{End:yyyy-MM-dd}";
}
