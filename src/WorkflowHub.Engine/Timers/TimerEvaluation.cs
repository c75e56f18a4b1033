using System.Globalization;
using WorkflowHub.Engine.Model;

namespace WorkflowHub.Engine.Timers;

/// <summary>Turns a timer definition's (already expression-evaluated) text into its first due time and repeat count.</summary>
public static class TimerEvaluation
{
    /// <summary>Returns the first due time and, for cycles, the repetitions left after that firing (null = unbounded, 0 = none).</summary>
    /// <exception cref="FormatException">The text is not valid for the timer kind.</exception>
    public static (DateTimeOffset Due, int? RepeatsAfter) FirstDue(TimerKind kind, string text, DateTimeOffset now)
    {
        switch (kind)
        {
            case TimerKind.Date:
                return (ParseDate(text), 0);
            case TimerKind.Duration:
                return (IsoDuration.Parse(text).AddTo(now), 0);
            default:
                var cycle = IsoCycle.Parse(text);
                return (cycle.FirstDue(now), cycle.Repetitions is { } r ? Math.Max(0, r - 1) : null);
        }
    }

    public static DateTimeOffset ParseDate(string text) =>
        DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new FormatException($"'{text}' is not an ISO 8601 date.");

    /// <summary>Validates literal timer text at deploy; expressions are checked when they run.</summary>
    public static string? Check(TimerDefinition timer)
    {
        if (Scripting.ExpressionText.ContainsExpression(timer.Expression))
        {
            return null;
        }

        try
        {
            FirstDue(timer.Kind, timer.Expression, DateTimeOffset.UnixEpoch);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}
