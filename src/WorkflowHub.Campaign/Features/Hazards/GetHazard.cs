using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Decisions;
using WorkflowHub.Campaign.Decisions.Facts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence;
using WorkflowHub.Rules.Decisions;

namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>
/// A hazard's whole file (一患一档): its data, the open task(s) of its loop, the loop's history, its evidence and the
/// decisions the escalation rules returned along the way.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record GetHazard(Guid Id) : IQuery<HazardFile>;

public sealed record HazardFile(
    HazardView Hazard,
    IReadOnlyList<HazardTaskView> CurrentTasks,
    IReadOnlyList<HazardHistoryEntry> History,
    IReadOnlyList<EvidenceView> Evidence,
    IReadOnlyList<HazardDecisionView> Decisions);

public sealed record HazardTaskView(
    Guid Id,
    string ElementId,
    string? Name,
    string? Assignee,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueDate,
    string? FormKey);

/// <summary>A decision the escalation rules took about the hazard (reminder, supervision, interview ...), from the audit store.</summary>
public sealed record HazardDecisionView(
    Guid Id,
    DecisionKind Kind,
    string RuleName,
    string AddresseeUnitCode,
    string ReasonZh,
    string ReasonEn,
    DateTimeOffset DecidedAt,
    string? StartedWorkflowKey,
    Guid? StartedInstanceId,
    string? Outcome);

public sealed record HazardHistoryEntry(long Sequence, string Type, string? ElementId, string? ElementType, Guid? TaskId, string? UserId, DateTimeOffset Timestamp);

public sealed record EvidenceView(Guid Id, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static EvidenceView From(HazardEvidence e) => new(e.Id, e.FileName, e.ContentType, e.Size, e.Sha256, e.UploadedBy, e.UploadedAt);
}

public sealed class GetHazardHandler(CampaignDbContext db, ICurrentUser user, IWorkflowEngine engine, TimeProvider timeProvider)
    : IQueryHandler<GetHazard, HazardFile>
{
    public async ValueTask<HazardFile> Handle(GetHazard query, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.AsNoTracking().VisibleTo(user).SingleOrDefaultAsync(h => h.Id == query.Id, cancellationToken)
            ?? throw Infrastructure.Pipeline.NotFoundException.For("Hazard", query.Id.ToString());
        var evidence = await db.HazardEvidence.AsNoTracking()
            .Where(e => e.HazardId == hazard.Id)
            .OrderBy(e => e.UploadedAt)
            .ToListAsync(cancellationToken);

        IReadOnlyList<HazardTaskView> tasks = [];
        IReadOnlyList<HazardHistoryEntry> history = [];
        if (hazard.InstanceId is { } instanceId)
        {
            var open = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = instanceId, Take = 100 }, cancellationToken);
            tasks = open.Items.Select(t => new HazardTaskView(t.Id, t.ElementId, t.Name, t.Assignee, t.CandidateGroups, t.CreatedAt, t.DueDate, t.FormKey)).ToList();
            var events = await engine.Queries.GetHistoryAsync(instanceId, cancellationToken);
            history = events.Select(e => new HazardHistoryEntry(e.Sequence, e.Type.ToString(), e.ElementId, e.ElementType, e.TaskId, e.UserId, e.Timestamp)).ToList();
        }

        var subjectId = FactMapping.SubjectId(hazard);
        var records = await db.Set<DecisionRecord>().AsNoTracking()
            .Where(d => d.SubjectType == SubjectType.Hazard && d.SubjectId == subjectId)
            .ToListAsync(cancellationToken);
        var decisions = records
            .OrderBy(d => d.DecidedAt)
            .Select(d => new HazardDecisionView(d.Id, d.Kind, d.RuleName, d.AddresseeUnitCode, d.ReasonZh, d.ReasonEn, d.DecidedAt, d.StartedWorkflowKey, d.StartedInstanceId, d.Outcome))
            .ToList();

        return new HazardFile(HazardView.From(hazard, timeProvider.GetUtcNow()), tasks, history, evidence.Select(EvidenceView.From).ToList(), decisions);
    }
}
