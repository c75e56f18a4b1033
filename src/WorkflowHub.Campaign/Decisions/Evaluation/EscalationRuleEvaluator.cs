using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WorkflowHub.Campaign.Decisions.Facts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Decisions.Evaluation;

/// <summary>
/// The engine's businessRuleTask with <c>camunda:decisionRef="escalation"</c>: the reminder timers and the rejection
/// path of the hazard loop, and the reminders of an interview, ask the rules about their subject. The hazard loop's
/// business key is the hazard number; an interview's or referral's is the id of the decision that started it; a target
/// report's is the target code; any other instance (a plan filing) has its open tasks judged by the task rules.
/// </summary>
public sealed class EscalationRuleEvaluator(IServiceScopeFactory scopes, ILogger<EscalationRuleEvaluator> logger) : IBusinessRuleEvaluator
{
    public const string DecisionRef = "escalation";

    public async Task<object?> EvaluateAsync(BusinessRuleContext context, CancellationToken cancellationToken)
    {
        if (!string.Equals(context.DecisionRef, DecisionRef, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"No rule set is named '{context.DecisionRef}'; the rule set of this application is '{DecisionRef}'.");
        }

        await using var scope = scopes.CreateSystemScope();
        var services = scope.ServiceProvider;

        // A command that writes campaign data and drives the engine in one transaction (e.g. an acceptance rejection)
        // holds SQLite's write lock (on PostgreSQL, row locks): the decisions must be read and written inside that same transaction.
        await using var joined = EngineTransactionScope.Current is { } ambient ? JoinedContext(ambient) : null;
        var db = joined ?? services.GetRequiredService<CampaignDbContext>();
        var decisions = ActivatorUtilities.CreateInstance<DecisionService>(services, db);
        var detail = $"{context.DefinitionKey}/{context.ElementId} instance {context.InstanceId}" + (context.UserId is null ? string.Empty : $" by {context.UserId}");

        var (records, subject) = await EvaluateSubjectAsync(db, decisions, services.GetRequiredService<IEngineQueryStore>(), context, detail, cancellationToken);
        return EscalationResult.From(records, subject);
    }

    private async Task<(IReadOnlyList<DecisionRecord> Records, string Subject)> EvaluateSubjectAsync(
        CampaignDbContext db, DecisionService decisions, IEngineQueryStore queries, BusinessRuleContext context, string detail, CancellationToken cancellationToken)
    {
        var key = context.BusinessKey;
        if (string.IsNullOrEmpty(key))
        {
            logger.LogWarning("Escalation asked by {Detail} without a business key; its open tasks are judged alone", detail);
            return (await decisions.EvaluateInstanceTasksAsync(context.InstanceId, EvaluationTrigger.TaskChanged(context.ElementId), detail, cancellationToken), string.Empty);
        }

        var hazard = await db.Set<Hazard>().AsNoTracking().SingleOrDefaultAsync(h => h.Number == key, cancellationToken);
        if (hazard is not null)
        {
            var hazardTrigger = await TriggerAsync(queries, context, EvaluationTrigger.HazardChanged(FactMapping.SubjectId(hazard)), cancellationToken);
            return (await decisions.EvaluateAsync(hazard, hazardTrigger, detail, cancellationToken), hazard.Number);
        }

        // A target's progress report (target-progress): its business key is the target code.
        if (await db.Targets.AsNoTracking().AnyAsync(t => t.Code == key, cancellationToken))
        {
            var targetTrigger = await TriggerAsync(queries, context, EvaluationTrigger.TargetChanged(key), cancellationToken);
            return (await decisions.EvaluateTargetAsync(key, targetTrigger, detail, cancellationToken), key);
        }

        // Interview and referral instances carry the id of the decision that started them.
        var decision = Guid.TryParse(key, out var decisionId)
            ? await db.Set<DecisionRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken)
            : null;
        if (decision is null)
        {
            // Any other workflow (a plan filing, a campaign report): the task rules judge its open tasks.
            var taskTrigger = await TriggerAsync(queries, context, EvaluationTrigger.TaskChanged(context.ElementId), cancellationToken);
            return (await decisions.EvaluateInstanceTasksAsync(context.InstanceId, taskTrigger, detail, cancellationToken), key);
        }

        var trigger = await TriggerAsync(queries, context, EvaluationTrigger.HazardChanged(decision.SubjectId), cancellationToken);
        var records = decision.SubjectType switch
        {
            SubjectType.Hazard when Guid.TryParse(decision.SubjectId, out var hazardId) => await decisions.EvaluateHazardAsync(hazardId, trigger, detail, cancellationToken),
            SubjectType.Target => await decisions.EvaluateTargetAsync(decision.SubjectId, trigger, detail, cancellationToken),
            _ => await decisions.EvaluateUnitAsync(decision.AddresseeUnitCode, trigger, detail, cancellationToken),
        };
        return (records, decision.SubjectLabel);
    }

    /// <summary>A reminder timer on a task is that task's change; anything else (a rejection, a recorded report) is the subject's.</summary>
    private static async Task<EvaluationTrigger> TriggerAsync(IEngineQueryStore queries, BusinessRuleContext context, EvaluationTrigger subjectChanged, CancellationToken cancellationToken)
    {
        if (context.ElementId.Contains("Reminder", StringComparison.Ordinal))
        {
            var open = await queries.QueryTasksAsync(new TaskQuery { InstanceId = context.InstanceId, Take = 1 }, cancellationToken);
            return EvaluationTrigger.TaskChanged(open.Items.Count > 0 ? open.Items[0].Id.ToString("D") : context.ElementId);
        }

        return subjectChanged;
    }

    private static CampaignDbContext JoinedContext(EngineTransactionScope ambient)
    {
        // On the owner's connection, whichever provider it belongs to (SQLite or PostgreSQL).
        var builder = new DbContextOptionsBuilder<CampaignDbContext>();
        CampaignDbContextOptions.Configure(builder, ambient.Connection);
        var db = new CampaignDbContext(builder.Options);
        db.Database.UseTransaction(ambient.Transaction);
        return db;
    }
}
