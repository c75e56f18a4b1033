using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Features.CampaignOverview;

/// <summary>The campaign as planned: its phases and its areas with their units, tasks and targets.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetCampaign : IQuery<CampaignView>;

public sealed record CampaignView(
    string NameZh,
    string NameEn,
    DateOnly Start,
    DateOnly End,
    IReadOnlyList<PhaseView> Phases,
    IReadOnlyList<AreaView> Areas);

public sealed record PhaseView(string Code, int Order, string NameZh, string NameEn, DateOnly Start, DateOnly End);

public sealed record AreaView(
    string Code,
    int Number,
    AreaKind Kind,
    string NameZh,
    string NameEn,
    IReadOnlyList<AreaUnitView> Units,
    IReadOnlyList<AreaTaskView> Tasks,
    IReadOnlyList<TargetView> Targets);

public sealed record AreaUnitView(string Code, AreaUnitRole Role, string NameZh, string NameEn);

public sealed record AreaTaskView(int Number, string TextZh, string SummaryEn);

public sealed record TargetView(
    string Code,
    string MeasureZh,
    string MeasureEn,
    decimal Value,
    string Unit,
    DateOnly Deadline,
    string ResponsibleUnitCode);

public sealed class GetCampaignHandler(CampaignDbContext db) : IQueryHandler<GetCampaign, CampaignView>
{
    public async ValueTask<CampaignView> Handle(GetCampaign query, CancellationToken cancellationToken)
    {
        var profile = await db.CampaignProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The campaign plan has not been imported.");
        var phases = await db.Phases.AsNoTracking().OrderBy(p => p.Order).ToListAsync(cancellationToken);
        var areas = await db.Areas.AsNoTracking()
            .Include(a => a.Units)
            .Include(a => a.Tasks)
            .Include(a => a.Targets)
            .AsSplitQuery()
            .OrderBy(a => a.Number)
            .ToListAsync(cancellationToken);
        var unitNames = await db.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);

        return new CampaignView(
            profile.NameZh,
            profile.NameEn,
            profile.Start,
            profile.End,
            phases.Select(p => new PhaseView(p.Code, p.Order, p.NameZh, p.NameEn, p.Start, p.End)).ToList(),
            areas.Select(a => ToView(a, unitNames)).ToList());
    }

    private static AreaView ToView(Area area, Dictionary<string, OrgUnit> units) => new(
        area.Code,
        area.Number,
        area.Kind,
        area.NameZh,
        area.NameEn,
        area.Units.OrderBy(u => u.Position)
            .Select(u => new AreaUnitView(u.OrgUnitCode, u.Role, units[u.OrgUnitCode].NameZh, units[u.OrgUnitCode].NameEn))
            .ToList(),
        area.Tasks.OrderBy(t => t.Number).Select(t => new AreaTaskView(t.Number, t.TextZh, t.SummaryEn)).ToList(),
        area.Targets.OrderBy(t => t.Deadline).ThenBy(t => t.Code)
            .Select(t => new TargetView(t.Code, t.MeasureZh, t.MeasureEn, t.Value, t.Unit, t.Deadline, t.ResponsibleUnitCode))
            .ToList());
}
