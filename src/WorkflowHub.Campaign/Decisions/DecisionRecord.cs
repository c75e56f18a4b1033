using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Decisions;

/// <summary>
/// One decision of the escalation rules, as stored for the auditor. Everything is fixed at insert (init-only);
/// only the workflow it started and that workflow's outcome are filled in later, through the two methods below.
/// </summary>
public sealed class DecisionRecord
{
    public Guid Id { get; init; }

    public DecisionKind Kind { get; init; }

    public SubjectType SubjectType { get; init; }

    public required string SubjectId { get; init; }

    /// <summary>What a person calls the subject: the hazard number, the target code, the task name.</summary>
    public required string SubjectLabel { get; init; }

    public required string AddresseeUnitCode { get; init; }

    public required string RuleName { get; init; }

    public required string RuleSetVersion { get; init; }

    /// <summary>
    /// How many decisions this rule had already taken about this subject (0 for the first). A rule fires once per
    /// subject, or once per window (the department rule), so this is the rung's place on its ladder; rule, subject and
    /// occurrence are unique in the database, so two evaluations running at once cannot both record the same rung.
    /// </summary>
    public int Occurrence { get; init; }

    public int PolicyVersionNumber { get; init; }

    public required string PolicyHash { get; init; }

    public required string ReasonZh { get; init; }

    public required string ReasonEn { get; init; }

    public TriggerKind TriggerKind { get; init; }

    /// <summary>Which change triggered the evaluation (subject, workflow element, user), or the sweep's run id.</summary>
    public string? TriggerDetail { get; init; }

    /// <summary>The evaluation's "now" (the clock fact).</summary>
    public DateTimeOffset DecidedAt { get; init; }

    /// <summary>The <see cref="DecisionSnapshot"/> as JSON: inputs, matched facts, rule-set and policy versions.</summary>
    public required string SnapshotJson { get; init; }

    public Guid? StartedInstanceId { get; private set; }

    public string? StartedWorkflowKey { get; private set; }

    /// <summary>The started workflow's <c>outcome</c> variable (or how it ended) once it has ended.</summary>
    public string? Outcome { get; private set; }

    public DateTimeOffset? OutcomeAt { get; private set; }

    public static DecisionRecord From(DecisionProposal proposal, string subjectLabel, string? triggerDetail, int occurrence = 0) => new()
    {
        Occurrence = occurrence,
        Id = Guid.NewGuid(),
        Kind = proposal.Kind,
        SubjectType = proposal.SubjectType,
        SubjectId = proposal.SubjectId,
        SubjectLabel = subjectLabel,
        AddresseeUnitCode = proposal.AddresseeUnitCode,
        RuleName = proposal.RuleName,
        RuleSetVersion = proposal.RuleSetVersion,
        PolicyVersionNumber = proposal.PolicyVersion.Number,
        PolicyHash = proposal.PolicyVersion.ContentHash,
        ReasonZh = proposal.Reason.Chinese,
        ReasonEn = proposal.Reason.English,
        TriggerKind = proposal.Trigger.Kind,
        TriggerDetail = triggerDetail ?? proposal.Trigger.ToString(),
        DecidedAt = proposal.DecidedAt,
        SnapshotJson = proposal.Snapshot.ToJson(),
    };

    public DecisionSnapshot ReadSnapshot() => DecisionSnapshot.FromJson(SnapshotJson);

    /// <summary>The fact later evaluations see, so the ladder climbs and never repeats a rung.</summary>
    public Rules.Facts.DecisionFact ToFact() => new()
    {
        Id = Id.ToString(),
        Kind = Kind,
        SubjectType = SubjectType,
        SubjectId = SubjectId,
        AddresseeUnitCode = AddresseeUnitCode,
        RuleName = RuleName,
        DecidedAt = DecidedAt,
    };

    public void RecordStartedInstance(Guid instanceId, string workflowKey)
    {
        if (StartedInstanceId is not null)
        {
            throw new InvalidOperationException($"Decision {Id} already started instance {StartedInstanceId}.");
        }

        StartedInstanceId = instanceId;
        StartedWorkflowKey = workflowKey;
    }

    public void RecordOutcome(string outcome, DateTimeOffset at)
    {
        if (StartedInstanceId is null)
        {
            throw new InvalidOperationException($"Decision {Id} started no workflow, so it has no outcome.");
        }

        Outcome = outcome;
        OutcomeAt = at;
    }
}
