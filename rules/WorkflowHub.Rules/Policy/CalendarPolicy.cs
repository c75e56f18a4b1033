namespace WorkflowHub.Rules.Policy;

/// <summary>How the campaign calendar is read (quarterly checks fall on local dates).</summary>
public sealed class CalendarPolicy
{
    public required int UtcOffsetHours { get; init; }
}
