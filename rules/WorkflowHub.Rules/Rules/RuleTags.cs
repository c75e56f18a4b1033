namespace WorkflowHub.Rules.Rules;

/// <summary>Tags for grouping rules in the catalogue: the ladder a rule belongs to, and its kind of measure.</summary>
public static class RuleTags
{
    public const string GeneralHazardLadder = "ladder:general-hazard";
    public const string MajorHazardLadder = "ladder:major-hazard";
    public const string AcceptanceLadder = "ladder:acceptance";
    public const string TargetLadder = "ladder:target";
    public const string DepartmentLadder = "ladder:department";
    public const string AccidentLadder = "ladder:accident";
    public const string SelfReportedLadder = "ladder:self-reported";
    public const string TaskLadder = "ladder:task";
    public const string Penalty = "measure:penalty";
    public const string Service = "measure:service";
    public const string Rung1 = "rung:1";
    public const string Rung2 = "rung:2";
    public const string Rung3 = "rung:3";
}
