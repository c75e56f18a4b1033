using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Features.Lists;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Targets;

/// <summary>Reads every target with its reports and works out its progress; shared with the campaign overview.</summary>
public static class TargetProgressReader
{
    public static async Task<IReadOnlyList<TargetProgressView>> ReadAsync(CampaignDbContext db, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var profile = await db.CampaignProfiles.AsNoTracking().SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("The campaign plan has not been imported.");
        var today = ListExportContext.LocalDate(timeProvider.GetUtcNow());
        var targets = await db.Targets.AsNoTracking().OrderBy(t => t.AreaCode).ThenBy(t => t.Code).ToListAsync(cancellationToken);
        var reports = (await db.TargetReports.AsNoTracking().ToListAsync(cancellationToken)).ToLookup(r => r.TargetCode);
        return targets.Select(target =>
        {
            var own = reports[target.Code].ToList();
            var latest = TargetProgress.Latest(own);
            var expected = TargetProgress.ExpectedBy(target, profile.Start, today);
            return new TargetProgressView(
                target.Code, target.AreaCode, target.MeasureZh, target.MeasureEn, target.Value, target.Unit, target.Deadline,
                target.ResponsibleUnitCode, latest?.Value, latest?.AsOf, expected,
                TargetProgress.StatusOf(target, latest?.Value, expected, today),
                own.OrderByDescending(r => r.AsOf).Select(TargetReportView.From).ToList());
        }).ToList();
    }
}
