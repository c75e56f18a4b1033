using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Hazards;

namespace WorkflowHub.Campaign.Features.Targets;

/// <summary>
/// Expected-by-now and status of a quantified target. Progress is expected to grow evenly from the campaign's start
/// (from zero) to the target value at the deadline; the latest report by as-of date is what has been reached.
/// </summary>
public static class TargetProgress
{
    public static decimal ExpectedBy(Target target, DateOnly campaignStart, DateOnly today)
    {
        if (today >= target.Deadline)
        {
            return target.Value;
        }

        var total = target.Deadline.DayNumber - campaignStart.DayNumber;
        if (total <= 0 || today <= campaignStart)
        {
            return today <= campaignStart ? 0m : target.Value;
        }

        var share = (decimal)(today.DayNumber - campaignStart.DayNumber) / total;
        return Math.Round(target.Value * share, 2);
    }

    public static TargetStatus StatusOf(Target target, decimal? reached, decimal expected, DateOnly today)
    {
        var value = reached ?? 0m;
        if (value >= target.Value || value >= expected && today <= target.Deadline)
        {
            return TargetStatus.OnTrack;
        }

        return today > target.Deadline ? TargetStatus.Missed : TargetStatus.Behind;
    }

    public static TargetReport? Latest(IEnumerable<TargetReport> reports) =>
        reports.OrderByDescending(r => r.AsOf).ThenByDescending(r => r.ReportedAt.UtcTicks).FirstOrDefault();
}
