using System.Globalization;
using NRules.RuleModel;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Rules;

/// <summary>What every rule's action does: insert a <see cref="ProposedDecision"/> carrying the matched facts as they were.</summary>
internal static class Propose
{
    public static void Decision(
        IContext context,
        ClockFact clock,
        DecisionKind kind,
        SubjectType subjectType,
        string subjectId,
        string addresseeUnitCode,
        DecisionReason reason)
    {
        // An aggregate (Collect) hands over a live collection: copy it so later insertions cannot change what was matched.
        var matches = context.Match.Facts
            .Where(f => f.Value is not RulePolicy)
            .Select(f => (f.Declaration, Value: f.Value is IEnumerable<DecisionFact> collected ? collected.ToArray() : f.Value!))
            .ToList();
        context.Insert(new ProposedDecision
        {
            Kind = kind,
            SubjectType = subjectType,
            SubjectId = subjectId,
            AddresseeUnitCode = addresseeUnitCode,
            RuleName = context.Rule.Name,
            DecidedAt = clock.Now,
            Reason = reason,
            Matched = matches.Select(f => new MatchedFact(f.Declaration.Name, FriendlyName(f.Declaration.Type), f.Value, f.Declaration.Type)).ToList(),
            MatchedValues = matches.Select(f => f.Value).ToList(),
        });
    }

    /// <summary>Formats a reason without depending on the server's culture, so replay reproduces it exactly.</summary>
    public static string Text(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>A date as the campaign's local calendar shows it.</summary>
    public static string Date(DateTimeOffset instant, RulePolicy policy) =>
        instant.ToOffset(TimeSpan.FromHours(policy.Calendar.UtcOffsetHours)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string FriendlyName(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(",", type.GetGenericArguments().Select(FriendlyName))}>"
            : type.Name;
}
