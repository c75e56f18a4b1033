using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Hazards.Tallies;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>
/// The hazards the user may see, filtered and paged, newest report first unless <see cref="Sort"/> says otherwise.
/// <see cref="Text"/> matches part of the number, title, description, enterprise or location.
/// </summary>
[AllowAnyAuthenticatedUser]
public sealed record ListHazards(
    string? AreaCode = null,
    string? DistrictCode = null,
    string? UnitCode = null,
    HazardGrade? Grade = null,
    HazardState? State = null,
    bool? Overdue = null,
    HazardSource? Source = null,
    int Page = 1,
    int PageSize = ListHazards.DefaultPageSize,
    string? Text = null,
    HazardSortOrder Sort = HazardSortOrder.Newest) : IQuery<HazardPage>
{
    public const int MaxTextLength = 100;

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
}

public sealed record HazardPage(IReadOnlyList<HazardView> Items, int TotalCount, int Page, int PageSize);

public sealed class ListHazardsValidator : AbstractValidator<ListHazards>
{
    public ListHazardsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, ListHazards.MaxPageSize);
        RuleFor(q => q.Grade).IsInEnum();
        RuleFor(q => q.State).IsInEnum();
        RuleFor(q => q.Source).IsInEnum();
        RuleFor(q => q.Sort).IsInEnum();
        RuleFor(q => q.Text).MaximumLength(ListHazards.MaxTextLength);
    }
}

public sealed class ListHazardsHandler(CampaignDbContext db, ICurrentUser user, TimeProvider timeProvider) : IQueryHandler<ListHazards, HazardPage>
{
    public async ValueTask<HazardPage> Handle(ListHazards query, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var hazards = db.Hazards.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrEmpty(query.AreaCode))
        {
            hazards = hazards.Where(h => h.AreaCode == query.AreaCode);
        }

        if (!string.IsNullOrEmpty(query.DistrictCode))
        {
            hazards = hazards.Where(h => h.DistrictCode == query.DistrictCode);
        }

        if (!string.IsNullOrEmpty(query.UnitCode))
        {
            hazards = hazards.Where(h => h.ResponsibleUnitCode == query.UnitCode || h.EnterpriseUnitCode == query.UnitCode);
        }

        if (query.Grade is { } grade)
        {
            hazards = hazards.Where(h => h.Grade == grade);
        }

        if (query.State is { } state)
        {
            hazards = hazards.Where(h => h.State == state);
        }

        if (query.Source is { } source)
        {
            hazards = hazards.Where(h => h.Source == source);
        }

        if (query.Overdue is true)
        {
            // HazardRules.Overdue written so that no index can serve the deadline: a range on DueAt would make SQLite
            // read every overdue hazard and sort them all for one page, where walking the number index newest first
            // stops after a page of them. The count does not filter here (tallies), or has other filters to seek by.
            hazards = hazards.Where(h => h.State != HazardState.Closed && (h.DueAt ?? DateTimeOffset.MaxValue) < now);
        }
        else if (query.Overdue is false)
        {
            hazards = hazards.Where(h => h.State == HazardState.Closed || h.DueAt == null || h.DueAt >= now);
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            hazards = hazards.Where(h => h.Number.Contains(text) || h.Title.Contains(text) || h.Description.Contains(text)
                || (h.EnterpriseName != null && h.EnterpriseName.Contains(text)) || (h.Location != null && h.Location.Contains(text)));
        }

        var total = await CountFromTalliesAsync(query, now, cancellationToken) ?? await hazards.CountAsync(cancellationToken);
        var page = await Order(hazards, query.Sort, now)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new HazardPage(page.Select(h => HazardView.From(h, now)).ToList(), total, query.Page, query.PageSize);
    }

    /// <summary>
    /// The count of the filters the tallies keep (area, district, grade, state; overdue or not with area and district
    /// only) for the users they serve, read from a few hundred rows instead of counting every matching hazard; null when
    /// the hazards must be counted (text, unit or source filters, an enterprise user).
    /// </summary>
    private async Task<int?> CountFromTalliesAsync(ListHazards query, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (HazardTallyScope.Of(user) is not { } scope
            || !string.IsNullOrWhiteSpace(query.Text) || !string.IsNullOrEmpty(query.UnitCode) || query.Source is not null)
        {
            return null;
        }

        var area = string.IsNullOrEmpty(query.AreaCode) ? null : query.AreaCode;
        var district = string.IsNullOrEmpty(query.DistrictCode) ? null : query.DistrictCode;
        if (query.Overdue is { } overdueOnly)
        {
            if (query.Grade is not null || query.State is not null)
            {
                return null;
            }

            var overdue = (await OverdueCounter.CountAsync(db, scope, now, area, district, cancellationToken)).Sum(o => o.Count);
            return overdueOnly ? overdue : await SumTalliesAsync(scope, area, district, null, null, cancellationToken) - overdue;
        }

        return await SumTalliesAsync(scope, area, district, query.Grade, query.State, cancellationToken);
    }

    private async Task<int> SumTalliesAsync(HazardTallyScope scope, string? area, string? district, HazardGrade? grade, HazardState? state, CancellationToken cancellationToken)
    {
        var tallies = scope.Filter(db.Set<HazardTally>().AsNoTracking());
        if (area is not null)
        {
            tallies = tallies.Where(t => t.AreaCode == area);
        }

        if (district is not null)
        {
            tallies = tallies.Where(t => t.DistrictCode == district);
        }

        if (grade is not null)
        {
            tallies = tallies.Where(t => t.Grade == grade);
        }

        if (state is not null)
        {
            tallies = tallies.Where(t => t.State == state);
        }

        return await tallies.SumAsync(t => t.Count, cancellationToken);
    }

    /// <summary>SQLite cannot order by DateTimeOffset; the number grows with the report time within a year, so it stands in for it.</summary>
    private static IQueryable<Hazard> Order(IQueryable<Hazard> hazards, HazardSortOrder sort, DateTimeOffset now) => sort switch
    {
        HazardSortOrder.Oldest => hazards.OrderBy(h => h.Number),
        HazardSortOrder.OverdueFirst => hazards
            .OrderByDescending(h => h.State != HazardState.Closed && h.DueAt != null && h.DueAt < now)
            .ThenByDescending(h => h.Number),
        HazardSortOrder.State => hazards.OrderBy(h => h.State).ThenByDescending(h => h.Number),
        HazardSortOrder.Area => hazards.OrderBy(h => h.AreaCode).ThenByDescending(h => h.Number),
        _ => hazards.OrderByDescending(h => h.Number),
    };
}
