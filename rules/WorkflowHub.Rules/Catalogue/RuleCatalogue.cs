using System.Reflection;
using NRules.Fluent.Dsl;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Rules;

namespace WorkflowHub.Rules.Catalogue;

/// <summary>
/// Lists every rule with its bilingual description, tags and the policy keys it reads, read from
/// the same attributes NRules compiles, so the catalogue cannot drift from the rules that run.
/// </summary>
public static class RuleCatalogue
{
    private const string LanguageSeparator = " | ";

    private static readonly Lazy<IReadOnlyList<RuleDescription>> Rules = new(Build);

    /// <summary>Every rule, ordered by ladder tag then name.</summary>
    public static IReadOnlyList<RuleDescription> Describe() => Rules.Value;

    /// <summary>Every threshold policy.json holds, with what it means.</summary>
    public static IReadOnlyList<PolicyKeyDefinition> PolicyKeys => Policy.PolicyKeys.All;

    internal static IEnumerable<Type> RuleTypes() =>
        typeof(RuleNames).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Rule).IsAssignableFrom(t));

    private static List<RuleDescription> Build() =>
        RuleTypes()
            .Select(Describe)
            .OrderBy(r => r.Tags.Count > 0 ? r.Tags[0] : string.Empty, StringComparer.Ordinal)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

    private static RuleDescription Describe(Type type)
    {
        var name = AttributeValues<NameAttribute>(type).SingleOrDefault()
            ?? throw new InvalidOperationException($"Rule {type.Name} has no [Name].");
        var description = AttributeValues<DescriptionAttribute>(type).SingleOrDefault()
            ?? throw new InvalidOperationException($"Rule {type.Name} has no [Description].");
        var separator = description.IndexOf(LanguageSeparator, StringComparison.Ordinal);
        if (separator < 0)
        {
            throw new InvalidOperationException($"Rule {type.Name}'s [Description] must read \"中文 | English\".");
        }

        var keys = type.GetCustomAttributes<ReadsPolicyAttribute>()
            .Select(a => Policy.PolicyKeys.Find(a.Key) ?? throw new InvalidOperationException($"Rule {type.Name} reads unknown policy key {a.Key}."))
            .OrderBy(k => k.Path, StringComparer.Ordinal)
            .ToList();
        var tags = AttributeValues<TagAttribute>(type).ToList();
        return new RuleDescription(
            name,
            description[..separator].Trim(),
            description[(separator + LanguageSeparator.Length)..].Trim(),
            tags,
            keys,
            type.FullName ?? type.Name);
    }

    /// <summary>NRules keeps its attribute values private; read them as declared.</summary>
    private static IEnumerable<string> AttributeValues<TAttribute>(Type type)
        where TAttribute : Attribute =>
        type.GetCustomAttributesData()
            .Where(a => typeof(TAttribute).IsAssignableFrom(a.AttributeType))
            .Select(a => (string)a.ConstructorArguments[0].Value!);
}
