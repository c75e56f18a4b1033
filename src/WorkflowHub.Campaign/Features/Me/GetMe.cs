using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Features.Me;

/// <summary>The signed-in user: name, roles and org unit, for the UI to decide what to show.</summary>
[AllowAnyAuthenticatedUser]
public sealed record GetMe : IQuery<MeView>;

public sealed record MeView(string UserName, string DisplayName, IReadOnlyList<string> Roles, MeOrgUnitView OrgUnit, bool SeesAllUnits);

public sealed record MeOrgUnitView(string Code, OrgUnitKind Kind, string NameZh, string NameEn);

public sealed class GetMeHandler(CampaignDbContext db, ICurrentUser currentUser) : IQueryHandler<GetMe, MeView>
{
    public async ValueTask<MeView> Handle(GetMe query, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == currentUser.UserId, cancellationToken)
            ?? throw NotFoundException.For("User", currentUser.UserName ?? "?");
        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Code == user.OrgUnitCode, cancellationToken);
        return new MeView(
            user.UserName ?? string.Empty,
            user.DisplayName,
            currentUser.Roles.Order(StringComparer.Ordinal).ToList(),
            new MeOrgUnitView(unit.Code, unit.Kind, unit.NameZh, unit.NameEn),
            OrgUnitScope.SeesAllUnits(currentUser));
    }
}
