using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Hazards;
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
            hazards = hazards.Where(HazardRules.Overdue(now));
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

        var total = await hazards.CountAsync(cancellationToken);
        var page = await Order(hazards, query.Sort, now)
            .Skip((query.Page - 1) * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new HazardPage(page.Select(h => HazardView.From(h, now)).ToList(), total, query.Page, query.PageSize);
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
