using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Measures;

/// <summary>Removes a measure entered by mistake; the responsible unit, the committee office or an administrator may.</summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead)]
public sealed record DeleteMeasure(Guid Id) : ICommand;

public sealed class DeleteMeasureHandler(CampaignDbContext db, ICurrentUser user) : ICommandHandler<DeleteMeasure>
{
    public async ValueTask<Unit> Handle(DeleteMeasure command, CancellationToken cancellationToken)
    {
        var measure = await db.InstitutionalMeasures.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("Measure", command.Id.ToString());
        MeasureRules.EnsureMayActFor(user, measure.ResponsibleUnitCode);
        db.InstitutionalMeasures.Remove(measure);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
