using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Features.Lists;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Targets;

/// <summary>Every quantified target of the plan with its latest reported value, the value expected by now and its status.</summary>
[AllowAnyAuthenticatedUser]
public sealed record ListTargets(string? AreaCode = null, string? UnitCode = null, TargetStatus? Status = null) : IQuery<IReadOnlyList<TargetProgressView>>;

public sealed record TargetProgressView(
    string Code,
    string AreaCode,
    string MeasureZh,
    string MeasureEn,
    decimal Value,
    string Unit,
    DateOnly Deadline,
    string ResponsibleUnitCode,
    decimal? Reached,
    DateOnly? ReachedAsOf,
    decimal ExpectedByNow,
    TargetStatus Status,
    IReadOnlyList<TargetReportView> Reports);

public sealed class ListTargetsHandler(CampaignDbContext db, TimeProvider timeProvider) : IQueryHandler<ListTargets, IReadOnlyList<TargetProgressView>>
{
    public async ValueTask<IReadOnlyList<TargetProgressView>> Handle(ListTargets query, CancellationToken cancellationToken)
    {
        var views = await TargetProgressReader.ReadAsync(db, timeProvider, cancellationToken);
        return views
            .Where(v => string.IsNullOrEmpty(query.AreaCode) || v.AreaCode == query.AreaCode)
            .Where(v => string.IsNullOrEmpty(query.UnitCode) || v.ResponsibleUnitCode == query.UnitCode)
            .Where(v => query.Status is null || v.Status == query.Status)
            .ToList();
    }
}
