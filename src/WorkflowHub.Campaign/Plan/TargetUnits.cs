namespace WorkflowHub.Campaign.Plan;

/// <summary>The units a target's value may be measured in.</summary>
public static class TargetUnits
{
    public const string Percent = "percent";
    public const string Count = "count";

    /// <summary>A count each district or county must reach, e.g. one model village per county.</summary>
    public const string CountPerDistrict = "count-per-district";

    /// <summary>How often something must happen within the target's year.</summary>
    public const string TimesPerYear = "times-per-year";

    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>(StringComparer.Ordinal) { Percent, Count, CountPerDistrict, TimesPerYear };
}
