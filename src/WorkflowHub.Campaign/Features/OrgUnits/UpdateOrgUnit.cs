using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.OrgUnits;

/// <summary>Renames an org unit. <see cref="Version"/> is the version the editor read; a newer one in the database means 409.</summary>
[RequireRoles(Roles.Admin)]
public sealed record UpdateOrgUnit(string Code, string NameZh, string NameEn, long Version) : ICommand<OrgUnitView>;

public sealed class UpdateOrgUnitValidator : AbstractValidator<UpdateOrgUnit>
{
    public UpdateOrgUnitValidator()
    {
        RuleFor(c => c.Code).NotEmpty().MaximumLength(FieldLengths.Code);
        RuleFor(c => c.NameZh).NotEmpty().MaximumLength(FieldLengths.Name);
        RuleFor(c => c.NameEn).NotEmpty().MaximumLength(FieldLengths.Name);
        RuleFor(c => c.Version).GreaterThan(0);
    }
}

public sealed class UpdateOrgUnitHandler(CampaignDbContext db) : ICommandHandler<UpdateOrgUnit, OrgUnitView>
{
    public async ValueTask<OrgUnitView> Handle(UpdateOrgUnit command, CancellationToken cancellationToken)
    {
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Code == command.Code, cancellationToken)
            ?? throw NotFoundException.For("Org unit", command.Code);

        if (unit.Version != command.Version)
        {
            throw new ConcurrencyException($"Org unit '{command.Code}' was changed by someone else (now version {unit.Version}, you sent {command.Version}). Reload and try again.");
        }

        // The UPDATE checks the version the caller read, so a change committed in between is caught too.
        db.Entry(unit).Property(u => u.Version).OriginalValue = command.Version;
        unit.NameZh = command.NameZh.Trim();
        unit.NameEn = command.NameEn.Trim();
        await db.SaveChangesAsync(cancellationToken);
        return OrgUnitView.From(unit);
    }
}
