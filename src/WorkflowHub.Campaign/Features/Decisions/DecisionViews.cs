using System.Text.Json;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Rules.Catalogue;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Features.Decisions;

/// <summary>A decision in a list: what was decided about whom, by which rule, why, and the workflow it started.</summary>
public sealed record DecisionSummaryView(
    Guid Id,
    DecisionKind Kind,
    SubjectType SubjectType,
    string SubjectId,
    string SubjectLabel,
    string AddresseeUnitCode,
    string RuleName,
    string ReasonZh,
    string ReasonEn,
    TriggerKind TriggerKind,
    string? TriggerDetail,
    DateTimeOffset DecidedAt,
    int PolicyVersionNumber,
    Guid? StartedInstanceId,
    string? StartedWorkflowKey,
    string? Outcome,
    DateTimeOffset? OutcomeAt)
{
    public static DecisionSummaryView From(DecisionRecord d) => new(
        d.Id, d.Kind, d.SubjectType, d.SubjectId, d.SubjectLabel, d.AddresseeUnitCode, d.RuleName, d.ReasonZh, d.ReasonEn,
        d.TriggerKind, d.TriggerDetail, d.DecidedAt, d.PolicyVersionNumber, d.StartedInstanceId, d.StartedWorkflowKey, d.Outcome, d.OutcomeAt);
}

/// <summary>Everything an auditor needs to understand one decision without reading code.</summary>
public sealed record DecisionDetailView(
    DecisionSummaryView Decision,
    string RuleSetVersion,
    string PolicyHash,
    RuleView? Rule,
    IReadOnlyList<ThresholdView> Thresholds,
    IReadOnlyList<MatchedFactView> MatchedFacts,
    JsonElement Inputs,
    IReadOnlyList<DecisionSummaryView> EarlierRungs,
    StartedWorkflowView? StartedWorkflow);

/// <summary>A rule as the catalogue describes it.</summary>
public sealed record RuleView(string Name, string DescriptionZh, string DescriptionEn, IReadOnlyList<string> Tags, IReadOnlyList<string> PolicyKeys)
{
    public static RuleView From(RuleDescription rule) =>
        new(rule.Name, rule.DescriptionChinese, rule.DescriptionEnglish, rule.Tags, rule.PolicyKeys.Select(k => k.Path).ToList());
}

/// <summary>One threshold the rule reads, with the value of the policy version the decision was taken under.</summary>
public sealed record ThresholdView(string Key, decimal Value, string Kind, string DescriptionZh, string DescriptionEn);

/// <summary>One fact the rule matched, as it was when it fired.</summary>
public sealed record MatchedFactView(string Declaration, string FactType, JsonElement Value);

/// <summary>The workflow the decision started, where it stands, and its outcome once ended.</summary>
public sealed record StartedWorkflowView(Guid InstanceId, string? WorkflowKey, string? State, string? Outcome, DateTimeOffset? OutcomeAt);
