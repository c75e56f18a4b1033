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
/// business key is the hazard number; an interview's or referral's is the id of the decision that started it.
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
        // holds SQLite's write lock: the decisions must be read and written inside that same transaction.
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
            logger.LogWarning("Escalation asked by {Detail} without a business key; nothing to evaluate", detail);
            return ([], string.Empty);
        }

        var hazard = await db.Set<Hazard>().AsNoTracking().SingleOrDefaultAsync(h => h.Number == key, cancellationToken);
        if (hazard is not null)
        {
            return (await decisions.EvaluateAsync(hazard, await TriggerAsync(queries, context, FactMapping.SubjectId(hazard), cancellationToken), detail, cancellationToken), hazard.Number);
        }

        // Interview and referral instances carry the id of the decision that started them.
        var decision = Guid.TryParse(key, out var decisionId)
            ? await db.Set<DecisionRecord>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken)
            : null;
        if (decision is null)
        {
            logger.LogWarning("Escalation asked by {Detail}: business key {Key} names no hazard and no decision", detail, key);
            return ([], key);
        }

        var trigger = await TriggerAsync(queries, context, decision.SubjectId, cancellationToken);
        var records = decision.SubjectType switch
        {
            SubjectType.Hazard when Guid.TryParse(decision.SubjectId, out var hazardId) => await decisions.EvaluateHazardAsync(hazardId, trigger, detail, cancellationToken),
            SubjectType.Target => await decisions.EvaluateTargetAsync(decision.SubjectId, trigger, detail, cancellationToken),
            _ => await decisions.EvaluateUnitAsync(decision.AddresseeUnitCode, trigger, detail, cancellationToken),
        };
        return (records, decision.SubjectLabel);
    }

    /// <summary>A reminder timer on a task is that task's change; anything else (a rejection) is the subject's.</summary>
    private static async Task<EvaluationTrigger> TriggerAsync(IEngineQueryStore queries, BusinessRuleContext context, string subjectId, CancellationToken cancellationToken)
    {
        if (context.ElementId.Contains("Reminder", StringComparison.Ordinal))
        {
            var open = await queries.QueryTasksAsync(new TaskQuery { InstanceId = context.InstanceId, Take = 1 }, cancellationToken);
            return EvaluationTrigger.TaskChanged(open.Items.Count > 0 ? open.Items[0].Id.ToString("D") : context.ElementId);
        }

        return EvaluationTrigger.HazardChanged(subjectId);
    }

    private static CampaignDbContext JoinedContext(EngineTransactionScope ambient)
    {
        var options = new DbContextOptionsBuilder<CampaignDbContext>()
            .UseSqlite(ambient.Connection, sqlite =>
            {
                sqlite.MigrationsAssembly(typeof(CampaignDbContext).Assembly.GetName().Name);
                sqlite.MigrationsHistoryTable(CampaignDbContext.MigrationsHistoryTable);
            })
            .Options;
        var db = new CampaignDbContext(options);
        db.Database.UseTransaction(ambient.Transaction);
        return db;
    }
}
