using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Decisions.Facts;
using WorkflowHub.Campaign.Decisions.Policy;
using WorkflowHub.Campaign.Decisions.Workflows;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Evaluation;

namespace WorkflowHub.Campaign.Decisions.Evaluation;

/// <summary>
/// Runs the escalation rules over the campaign's current state and keeps what they decide: builds the facts,
/// evaluates under the policy in force, stores each decision as an immutable <see cref="DecisionRecord"/> and
/// starts the workflow it calls for. Incremental (one hazard, target or unit changed) or the daily sweep.
/// </summary>
public sealed class DecisionService(
    CampaignDbContext db,
    RuleSetEvaluator evaluator,
    IServiceProvider services,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly ILogger logger = loggers.CreateLogger<DecisionService>();
    private readonly FactSetBuilder facts = new(db, services);
    private readonly PolicyStore policies = new(db);
    private readonly DecisionWorkflows workflows = new(db, services, time, loggers.CreateLogger<DecisionWorkflows>());

    public DecisionWorkflows Workflows => workflows;

    /// <summary>Evaluates one hazard after it changed (a task of its loop, a rejection, an edit). Unknown id: nothing decided.</summary>
    public async Task<IReadOnlyList<DecisionRecord>> EvaluateHazardAsync(Guid hazardId, EvaluationTrigger? trigger = null, string? triggerDetail = null, CancellationToken cancellationToken = default)
    {
        var hazard = await db.Set<Hazard>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == hazardId, cancellationToken);
        return hazard is null
            ? []
            : await EvaluateAsync(hazard, trigger ?? EvaluationTrigger.HazardChanged(FactMapping.SubjectId(hazard)), triggerDetail, cancellationToken);
    }

    public async Task<IReadOnlyList<DecisionRecord>> EvaluateAsync(Hazard hazard, EvaluationTrigger trigger, string? triggerDetail, CancellationToken cancellationToken)
    {
        var (policy, _) = await policies.GetCurrentAsync(cancellationToken);
        var scope = await facts.ForHazardAsync(hazard, policy, time.GetUtcNow(), cancellationToken);
        return await DecideAsync(scope, policy, trigger, triggerDetail, cancellationToken);
    }

    /// <summary>Evaluates one target after a progress report. Unknown code: nothing decided.</summary>
    public async Task<IReadOnlyList<DecisionRecord>> EvaluateTargetAsync(string targetCode, EvaluationTrigger? trigger = null, string? triggerDetail = null, CancellationToken cancellationToken = default)
    {
        var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Code == targetCode, cancellationToken);
        if (target is null)
        {
            return [];
        }

        var (policy, _) = await policies.GetCurrentAsync(cancellationToken);
        var scope = await facts.ForTargetAsync(target, policy, time.GetUtcNow(), cancellationToken);
        return await DecideAsync(scope, policy, trigger ?? EvaluationTrigger.TargetChanged(target.Code), triggerDetail, cancellationToken);
    }

    /// <summary>Evaluates the open tasks of a workflow instance about no hazard or target (a plan filing, a campaign report), e.g. when its reminder fires.</summary>
    public async Task<IReadOnlyList<DecisionRecord>> EvaluateInstanceTasksAsync(Guid instanceId, EvaluationTrigger trigger, string? triggerDetail = null, CancellationToken cancellationToken = default)
    {
        var (policy, _) = await policies.GetCurrentAsync(cancellationToken);
        var scope = await facts.ForInstanceTasksAsync(instanceId, policy, time.GetUtcNow(), cancellationToken);
        return await DecideAsync(scope, policy, trigger, triggerDetail, cancellationToken);
    }

    /// <summary>Evaluates the department-level rules for one unit (e.g. after an interview of it ended).</summary>
    public async Task<IReadOnlyList<DecisionRecord>> EvaluateUnitAsync(string unitCode, EvaluationTrigger trigger, string? triggerDetail = null, CancellationToken cancellationToken = default)
    {
        var (policy, _) = await policies.GetCurrentAsync(cancellationToken);
        var scope = await facts.ForUnitAsync(unitCode, policy, time.GetUtcNow(), cancellationToken);
        return await DecideAsync(scope, policy, trigger, triggerDetail, cancellationToken);
    }

    /// <summary>
    /// The daily sweep: every open subject at once, then the workflows whose start failed earlier and the outcomes of
    /// started workflows that have ended. Running it twice the same day decides nothing new.
    /// </summary>
    public async Task<SweepReport> SweepAsync(string? triggerDetail = null, CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var startedAt = time.GetUtcNow();
        var (policy, _) = await policies.GetCurrentAsync(cancellationToken);
        var scope = await facts.ForSweepAsync(policy, startedAt, cancellationToken);
        var records = await DecideAsync(scope, policy, EvaluationTrigger.DailySweep(), triggerDetail, cancellationToken);
        var retried = await workflows.StartPendingAsync(cancellationToken);
        var outcomes = await workflows.RecordOutcomesAsync(cancellationToken);
        stopwatch.Stop();

        var report = new SweepReport(
            startedAt,
            stopwatch.Elapsed,
            scope.Facts.Hazards.Count,
            scope.Facts.Targets.Count,
            scope.Facts.Tasks.Count,
            scope.Facts.Departments.Count,
            scope.Facts.Decisions.Count,
            records.Count,
            records.GroupBy(r => r.Kind.ToString(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            records.Count(r => r.StartedInstanceId is not null) + retried,
            outcomes,
            policy.Version.Number);
        logger.LogInformation(
            "Decision sweep at {At}: {Hazards} hazards, {Targets} targets, {Tasks} tasks; {Decisions} decisions, {Started} workflows started, {Outcomes} outcomes recorded in {Duration} ms",
            startedAt, report.Hazards, report.Targets, report.Tasks, report.Decisions, report.WorkflowsStarted, report.OutcomesRecorded, (long)report.Duration.TotalMilliseconds);
        return report;
    }

    private async Task<IReadOnlyList<DecisionRecord>> DecideAsync(FactScope scope, Rules.Policy.RulePolicy policy, EvaluationTrigger trigger, string? triggerDetail, CancellationToken cancellationToken)
    {
        var proposals = evaluator.Evaluate(scope.Facts, policy, trigger);
        if (proposals.Count == 0)
        {
            return [];
        }

        // Each rung's place on its ladder: how many decisions of the same rule about the same subject the facts hold.
        var taken = scope.Facts.Decisions
            .GroupBy(d => (d.RuleName, d.SubjectType, d.SubjectId))
            .ToDictionary(g => g.Key, g => g.Count());
        var records = new List<DecisionRecord>(proposals.Count);
        foreach (var proposal in proposals)
        {
            var key = (proposal.RuleName, proposal.SubjectType, proposal.SubjectId);
            var occurrence = taken.GetValueOrDefault(key);
            taken[key] = occurrence + 1;
            records.Add(DecisionRecord.From(proposal, scope.LabelOf(proposal.SubjectType, proposal.SubjectId), triggerDetail, occurrence));
        }

        records = await InsertAsync(records, cancellationToken);
        foreach (var record in records)
        {
            logger.LogInformation(
                "Decision {DecisionId}: {Rule} → {Kind} about {SubjectType} {Subject} addressed to {Unit} ({Trigger}, policy v{Policy})",
                record.Id, record.RuleName, record.Kind, record.SubjectType, record.SubjectLabel, record.AddresseeUnitCode, record.TriggerKind, record.PolicyVersionNumber);
        }

        await workflows.StartAsync(records, cancellationToken);
        return records;
    }

    /// <summary>
    /// Stores the new records. When another evaluation running at the same time (the sweep and a change event) has
    /// recorded some of the same rungs since the facts were read, the unique index refuses the batch: those rungs are
    /// dropped, as the rules would not have proposed them had they seen the other decision, and the rest stored.
    /// </summary>
    private async Task<List<DecisionRecord>> InsertAsync(List<DecisionRecord> records, CancellationToken cancellationToken)
    {
        // Each refusal drops at least one rung that is now stored, so this ends; another evaluation may store more
        // rungs between the re-read and the retry, hence a loop rather than a single retry.
        var pending = records;
        while (true)
        {
            db.AddRange(pending);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return pending;
            }
            catch (DbUpdateException exception)
            {
                foreach (var record in pending)
                {
                    db.Entry(record).State = EntityState.Detached;
                }

                var fresh = await NotYetStoredAsync(pending, cancellationToken);
                if (fresh.Count == pending.Count)
                {
                    throw;
                }

                logger.LogInformation(
                    exception,
                    "{Dropped} of {Proposed} decisions were recorded meanwhile by another evaluation; storing the other {Fresh}",
                    pending.Count - fresh.Count, pending.Count, fresh.Count);
                if (fresh.Count == 0)
                {
                    return fresh;
                }

                pending = fresh;
            }
        }
    }

    private async Task<List<DecisionRecord>> NotYetStoredAsync(List<DecisionRecord> records, CancellationToken cancellationToken)
    {
        var rules = records.Select(r => r.RuleName).Distinct(StringComparer.Ordinal).ToList();
        var subjects = records.Select(r => r.SubjectId).Distinct(StringComparer.Ordinal).ToList();
        var stored = (await db.Set<DecisionRecord>().AsNoTracking()
                .Where(d => rules.Contains(d.RuleName) && subjects.Contains(d.SubjectId))
                .Select(d => new { d.RuleName, d.SubjectType, d.SubjectId, d.Occurrence })
                .ToListAsync(cancellationToken))
            .Select(d => (d.RuleName, d.SubjectType, d.SubjectId, d.Occurrence))
            .ToHashSet();
        return records.Where(r => !stored.Contains((r.RuleName, r.SubjectType, r.SubjectId, r.Occurrence))).ToList();
    }
}
