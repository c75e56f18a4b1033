using System.Linq.Expressions;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>What counts as open and overdue, in one place for lists, exports and the overview.</summary>
public static class HazardRules
{
    public static bool IsOverdue(Hazard hazard, DateTimeOffset now) =>
        hazard.State != HazardState.Closed && hazard.DueAt is { } due && due < now;

    /// <summary>Hazards still open whose rectification deadline has passed.</summary>
    public static Expression<Func<Hazard, bool>> Overdue(DateTimeOffset now) =>
        h => h.State != HazardState.Closed && h.DueAt != null && h.DueAt < now;
}
