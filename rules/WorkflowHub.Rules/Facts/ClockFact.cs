using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Facts;

/// <summary>
/// "Now" as a fact, so rules never read the system clock and a stored snapshot replays at the
/// instant it was decided. Quarterly checks happen on the first local day of each quarter.
/// </summary>
public sealed class ClockFact
{
    public required DateTimeOffset Now { get; init; }

    /// <summary>True on the day of a quarterly target check.</summary>
    public bool IsQuarterlyCheck { get; init; }

    public static ClockFact At(DateTimeOffset now, RulePolicy policy)
    {
        var local = now.ToOffset(TimeSpan.FromHours(policy.Calendar.UtcOffsetHours));
        return new ClockFact
        {
            Now = now,
            IsQuarterlyCheck = local.Day == 1 && local.Month % 3 == 1,
        };
    }

    public static ClockFact At(TimeProvider time, RulePolicy policy) => At(time.GetUtcNow(), policy);

    /// <summary>The earliest instant still inside a window of the given days ending now.</summary>
    public DateTimeOffset WindowStart(int days) => Now.AddDays(-days);
}
