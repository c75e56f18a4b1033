namespace WorkflowHub.Rules.Policy;

/// <summary>What a threshold measures, which decides what values are acceptable.</summary>
public enum PolicyValueKind
{
    /// <summary>Whole days, zero or more.</summary>
    Days,

    /// <summary>A whole count, one or more.</summary>
    Count,

    /// <summary>A fraction from 0 up to (not including) 1.</summary>
    Ratio,

    /// <summary>Whole hours from UTC, −12 to +14.</summary>
    UtcOffsetHours,
}
