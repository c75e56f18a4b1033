namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>
/// Registry order. Every order falls back to the newest report first; dates are not sorted in the database (SQLite
/// cannot order by <see cref="DateTimeOffset"/>), so "overdue first" sorts by the overdue test itself.
/// </summary>
public enum HazardSortOrder
{
    Newest,
    Oldest,
    OverdueFirst,
    State,
    Area,
}
