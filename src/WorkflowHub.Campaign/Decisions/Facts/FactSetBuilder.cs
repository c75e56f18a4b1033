using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Rules.Decisions;
using WorkflowHub.Rules.Facts;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Campaign.Decisions.Facts;

/// <summary>
/// Reads the current state of the campaign as facts: one subject with what its rules need (incremental), or
/// everything open (the sweep). User tasks come from the engine when one is registered.
/// </summary>
public sealed class FactSetBuilder(CampaignDbContext db, IServiceProvider services)
{
    /// <summary>Tasks read per page from the engine in a sweep.</summary>
    private const int TaskPage = 500;

    private IWorkflowEngine? Engine => (IWorkflowEngine?)services.GetService(typeof(IWorkflowEngine));

    /// <summary>One hazard, its department, the decisions about it or addressed to its unit, and the open tasks of its instance.</summary>
    public async Task<FactScope> ForHazardAsync(Hazard hazard, RulePolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<(SubjectType, string), string>();
        var fact = FactMapping.ToFact(hazard);
        labels[(SubjectType.Hazard, fact.Id)] = hazard.Number;

        var tasks = new List<UserTaskFact>();
        if (hazard.InstanceId is { } instanceId && Engine is { } engine)
        {
            var open = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instanceId, Take = 100 }, cancellationToken);
            AddTasks(open.Items, fact.Id, tasks, labels);
        }

        return new FactScope(
            new FactSet
            {
                Clock = ClockFact.At(now, policy),
                Hazards = [fact],
                Tasks = tasks,
                Departments = await DepartmentsAsync([hazard.ResponsibleUnitCode], cancellationToken),
                Decisions = await DecisionsAboutAsync(SubjectType.Hazard, fact.Id, [hazard.ResponsibleUnitCode, .. tasks.Select(t => t.UnitCode)], cancellationToken),
            },
            labels);
    }

    /// <summary>One target with its latest report, its lead unit and the decisions about it or addressed to that unit.</summary>
    public async Task<FactScope> ForTargetAsync(Target target, RulePolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = await CampaignStartAsync(cancellationToken);
        var latest = await db.Set<TargetReport>().AsNoTracking()
            .Where(r => r.TargetCode == target.Code)
            .OrderByDescending(r => r.AsOf)
            .FirstOrDefaultAsync(cancellationToken);
        var fact = FactMapping.ToFact(target, latest, start, TimeSpan.FromHours(policy.Calendar.UtcOffsetHours));
        return new FactScope(
            new FactSet
            {
                Clock = ClockFact.At(now, policy),
                Targets = [fact],
                Departments = await DepartmentsAsync([target.ResponsibleUnitCode], cancellationToken),
                Decisions = await DecisionsAboutAsync(SubjectType.Target, fact.Id, [target.ResponsibleUnitCode], cancellationToken),
            },
            new Dictionary<(SubjectType, string), string> { [(SubjectType.Target, fact.Id)] = target.Code });
    }

    /// <summary>
    /// The open tasks of one workflow instance that is about no hazard or target (a plan filing, a campaign report):
    /// the task rules judge them, with their units and the decisions addressed to those units.
    /// </summary>
    public async Task<FactScope> ForInstanceTasksAsync(Guid instanceId, RulePolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<(SubjectType, string), string>();
        var tasks = new List<UserTaskFact>();
        if (Engine is { } engine)
        {
            var open = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instanceId, Take = 100 }, cancellationToken);
            AddTasks(open.Items, open.Items.Count > 0 ? open.Items[0].BusinessKey : null, tasks, labels);
        }

        var units = tasks.Select(t => t.UnitCode).Distinct(StringComparer.Ordinal).ToList();
        var decisions = await db.Set<DecisionRecord>().AsNoTracking()
            .Where(d => units.Contains(d.AddresseeUnitCode))
            .ToListAsync(cancellationToken);
        return new FactScope(
            new FactSet
            {
                Clock = ClockFact.At(now, policy),
                Tasks = tasks,
                Departments = await DepartmentsAsync(units, cancellationToken),
                Decisions = decisions.Select(d => d.ToFact()).ToList(),
            },
            labels);
    }

    /// <summary>One unit as a department: the department rule counts the interviews addressed to it.</summary>
    public async Task<FactScope> ForUnitAsync(string unitCode, RulePolicy policy, DateTimeOffset now, CancellationToken cancellationToken) =>
        new(
            new FactSet
            {
                Clock = ClockFact.At(now, policy),
                Departments = await DepartmentsAsync([unitCode], cancellationToken),
                Decisions = await DecisionsAboutAsync(SubjectType.Department, unitCode, [unitCode], cancellationToken),
            },
            new Dictionary<(SubjectType, string), string>());

    /// <summary>
    /// Everything open: open hazards (and closed ones linked to an accident, which are traced after closing and must
    /// still be referred if their immediate evaluation was lost), every target with its latest report, overdue tasks,
    /// every unit and every earlier decision.
    /// </summary>
    public async Task<FactScope> ForSweepAsync(RulePolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<(SubjectType, string), string>();
        var hazards = await db.Set<Hazard>().AsNoTracking().Where(h => h.ClosedAt == null || h.LinkedToAccident).ToListAsync(cancellationToken);
        var hazardFacts = hazards.Select(FactMapping.ToFact).ToList();
        foreach (var hazard in hazards)
        {
            labels[(SubjectType.Hazard, FactMapping.SubjectId(hazard))] = hazard.Number;
        }

        var start = await CampaignStartAsync(cancellationToken);
        var offset = TimeSpan.FromHours(policy.Calendar.UtcOffsetHours);
        var targets = await db.Targets.AsNoTracking().ToListAsync(cancellationToken);
        var reports = (await db.Set<TargetReport>().AsNoTracking().ToListAsync(cancellationToken))
            .GroupBy(r => r.TargetCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.ReportedAt).First(), StringComparer.Ordinal);
        var targetFacts = targets
            .Select(t => FactMapping.ToFact(t, reports.GetValueOrDefault(t.Code), start, offset))
            .ToList();
        foreach (var target in targets)
        {
            labels[(SubjectType.Target, target.Code)] = target.Code;
        }

        var tasks = new List<UserTaskFact>();
        if (Engine is { } engine)
        {
            var hazardIdsByNumber = hazards.ToDictionary(h => h.Number, FactMapping.SubjectId, StringComparer.Ordinal);
            for (var skip = 0; ; skip += TaskPage)
            {
                var page = await engine.Queries.QueryTasksAsync(new TaskQuery { DueBefore = now, Skip = skip, Take = TaskPage }, cancellationToken);
                foreach (var task in page.Items)
                {
                    var subject = task.BusinessKey is { } key && hazardIdsByNumber.TryGetValue(key, out var hazardId) ? hazardId : task.BusinessKey;
                    AddTasks([task], subject, tasks, labels);
                }

                if (page.Items.Count < TaskPage)
                {
                    break;
                }
            }
        }

        var departments = (await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken)).Select(FactMapping.ToFact).ToList();
        var decisions = (await db.Set<DecisionRecord>().AsNoTracking().ToListAsync(cancellationToken)).Select(d => d.ToFact()).ToList();
        return new FactScope(
            new FactSet
            {
                Clock = ClockFact.At(now, policy),
                Hazards = hazardFacts,
                Targets = targetFacts,
                Tasks = tasks,
                Departments = departments,
                Decisions = decisions,
            },
            labels);
    }

    private static void AddTasks(IEnumerable<UserTaskRecord> records, string? subjectId, List<UserTaskFact> tasks, Dictionary<(SubjectType, string), string> labels)
    {
        foreach (var record in records)
        {
            if (FactMapping.ToFact(record, subjectId) is { } task)
            {
                tasks.Add(task);
                labels[(SubjectType.Task, task.Id)] = task.Name;
            }
        }
    }

    private async Task<List<DepartmentFact>> DepartmentsAsync(IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken)
    {
        var codes = unitCodes.Distinct(StringComparer.Ordinal).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(cancellationToken);
        return units.Select(FactMapping.ToFact).ToList();
    }

    /// <summary>Decisions about the subject, plus every decision addressed to the units involved (the department rule counts them).</summary>
    private async Task<List<DecisionFact>> DecisionsAboutAsync(SubjectType subjectType, string subjectId, IReadOnlyCollection<string> unitCodes, CancellationToken cancellationToken)
    {
        var codes = unitCodes.Distinct(StringComparer.Ordinal).ToList();
        var records = await db.Set<DecisionRecord>().AsNoTracking()
            .Where(d => (d.SubjectType == subjectType && d.SubjectId == subjectId) || codes.Contains(d.AddresseeUnitCode))
            .ToListAsync(cancellationToken);
        return records.Select(d => d.ToFact()).ToList();
    }

    private async Task<DateOnly> CampaignStartAsync(CancellationToken cancellationToken)
    {
        var profile = await db.CampaignProfiles.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return profile?.Start ?? throw new InvalidOperationException("The campaign profile is missing: the plan import at start-up creates it.");
    }
}
