using System.Text.Json.Nodes;
using NRules.Fluent;
using WorkflowHub.Rules.Catalogue;
using WorkflowHub.Rules.Evaluation;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Rules;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Catalogue;

public sealed class RuleCatalogueTests
{
    [Fact]
    public void Lists_every_compiled_rule_under_its_stable_name()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(RuleNames).Assembly));
        var compiled = repository.GetRuleSets().SelectMany(set => set.Rules).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();

        var catalogued = RuleCatalogue.Describe().Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        var declared = typeof(RuleNames).GetFields().Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(compiled, catalogued);
        Assert.Equal(declared, catalogued);
        Assert.Equal(14, catalogued.Count);
    }

    [Fact]
    public void Every_rule_is_described_in_chinese_and_english_and_tagged_with_its_ladder()
    {
        foreach (var rule in RuleCatalogue.Describe())
        {
            Assert.Contains(rule.DescriptionChinese, c => c >= '\u4e00' && c <= '\u9fff');
            Assert.Matches("^[A-Z][A-Za-z ,.'()\\-:;\\u4e00-\\u9fff]+$", rule.DescriptionEnglish);
            Assert.Contains(rule.Tags, t => t.StartsWith("ladder:", StringComparison.Ordinal));
            Assert.Contains(rule.Tags, t => t.StartsWith("rung:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_policy_key_a_rule_reads_exists_in_policy_json()
    {
        var document = JsonNode.Parse(Policies.DefaultJson())!.AsObject();

        foreach (var key in RuleCatalogue.Describe().SelectMany(r => r.PolicyKeys))
        {
            var dot = key.Path.IndexOf('.', StringComparison.Ordinal);
            Assert.True(
                document[key.Path[..dot]]?[key.Path[(dot + 1)..]] is not null,
                $"{key.Path} is read by a rule but missing from rules/policy.json");
        }
    }

    [Fact]
    public void Every_threshold_in_the_policy_is_read_by_some_rule()
    {
        var read = RuleCatalogue.Describe().SelectMany(r => r.PolicyKeys).Select(k => k.Path).ToHashSet();

        Assert.All(PolicyKeys.All, k => Assert.Contains(k.Path, read));
        Assert.All(RuleCatalogue.PolicyKeys, k => Assert.False(string.IsNullOrWhiteSpace(k.DescriptionChinese)));
    }

    [Fact]
    public void The_ladder_can_be_read_in_order()
    {
        var generalLadder = RuleCatalogue.Describe()
            .Where(r => r.Tags.Contains(RuleTags.GeneralHazardLadder))
            .OrderBy(r => r.Tags.Single(t => t.StartsWith("rung:", StringComparison.Ordinal)), StringComparer.Ordinal)
            .Select(r => r.Name);

        Assert.Equal(
            [RuleNames.GeneralHazardReminder, RuleNames.GeneralHazardSupervision, RuleNames.GeneralHazardInterviewAndCircular],
            generalLadder);
    }

    [Fact]
    public void The_rule_set_version_is_stable_and_names_the_rules()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+\+rules\.[0-9a-f]{12}$", RuleSetVersion.Current);
        Assert.Equal(RuleSetVersion.Current, new RuleSetEvaluator().RuleSetVersion);
    }
}
