using System.Security.Cryptography;
using System.Text;
using WorkflowHub.Rules.Catalogue;

namespace WorkflowHub.Rules.Evaluation;

/// <summary>
/// A stable name for the rule set: the assembly version plus a hash of every rule's name,
/// description, tags and policy keys. Stored with each decision; replay reports when it differs.
/// </summary>
public static class RuleSetVersion
{
    private static readonly Lazy<string> CurrentValue = new(Compute);

    public static string Current => CurrentValue.Value;

    private static string Compute()
    {
        var text = new StringBuilder();
        foreach (var rule in RuleCatalogue.Describe().OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            text.Append(rule.Name).Append('\n')
                .Append(rule.DescriptionChinese).Append('\n')
                .Append(rule.DescriptionEnglish).Append('\n')
                .AppendJoin(',', rule.Tags).Append('\n')
                .AppendJoin(',', rule.PolicyKeys.Select(k => k.Path)).Append('\n');
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
        var version = typeof(RuleSetVersion).Assembly.GetName().Version ?? new Version(0, 0, 0);
        return $"{version.ToString(3)}+rules.{hash}";
    }
}
