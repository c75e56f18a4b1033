using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Campaign.Workflows;

namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>
/// Reports a hazard and starts its rectification loop. The responsible unit is the area's lead unit unless named;
/// an enterprise reports for itself, so its own unit becomes the enterprise.
/// </summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead, Roles.LocalGovernment, Roles.Enterprise)]
public sealed record ReportHazard(
    string Title,
    string Description,
    string AreaCode,
    string DistrictCode,
    string? EnterpriseUnitCode,
    string? EnterpriseName,
    HazardSource Source,
    DateTimeOffset FoundAt,
    string? Location,
    string? ResponsibleUnitCode) : ICommand<ReportedHazard>;

public sealed record ReportedHazard(Guid Id, string Number, Guid? InstanceId, HazardState State, string ResponsibleUnitCode);

public sealed class ReportHazardValidator : AbstractValidator<ReportHazard>
{
    public ReportHazardValidator(TimeProvider timeProvider)
    {
        RuleFor(c => c.Title).NotEmpty().MaximumLength(FieldLengths.Name);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(FieldLengths.Text);
        RuleFor(c => c.AreaCode).NotEmpty().MaximumLength(FieldLengths.Code);
        RuleFor(c => c.DistrictCode).NotEmpty().MaximumLength(FieldLengths.Code);
        RuleFor(c => c.EnterpriseUnitCode).MaximumLength(FieldLengths.Code);
        RuleFor(c => c.EnterpriseName).MaximumLength(FieldLengths.Name);
        RuleFor(c => c.ResponsibleUnitCode).MaximumLength(FieldLengths.Code);
        RuleFor(c => c.Location).MaximumLength(FieldLengths.Name);
        RuleFor(c => c.Source).IsInEnum();
        RuleFor(c => c.FoundAt)
            .NotEqual(DateTimeOffset.MinValue).WithMessage("Say when the hazard was found.")
            .Must(foundAt => foundAt <= timeProvider.GetUtcNow().AddMinutes(5))
            .WithMessage("A hazard cannot be found in the future.");
    }
}

public sealed class ReportHazardHandler(CampaignDbContext db, HazardRegistrar registrar, ICurrentUser user)
    : ICommandHandler<ReportHazard, ReportedHazard>
{
    public async ValueTask<ReportedHazard> Handle(ReportHazard command, CancellationToken cancellationToken)
    {
        var report = await HazardReports.ResolveAsync(db, user, command, cancellationToken);
        var hazards = await registrar.RegisterAsync([report], user.UserName ?? "system", TaskCandidates.EngineUserId(user), cancellationToken);
        var hazard = hazards[0];
        return new ReportedHazard(hazard.Id, hazard.Number, hazard.InstanceId, hazard.State, hazard.ResponsibleUnitCode);
    }
}

/// <summary>Checks what a report names against the plan and the user's rights, and fills in the defaults.</summary>
public static class HazardReports
{
    public static async Task<NewHazard> ResolveAsync(CampaignDbContext db, ICurrentUser user, ReportHazard command, CancellationToken cancellationToken)
    {
        if (!await db.Areas.AnyAsync(a => a.Code == command.AreaCode, cancellationToken))
        {
            throw ValidationError(nameof(ReportHazard.AreaCode), $"Unknown area '{command.AreaCode}'.");
        }

        if (!await db.OrgUnits.AnyAsync(u => u.Code == command.DistrictCode && u.Kind == OrgUnitKind.District, cancellationToken))
        {
            throw ValidationError(nameof(ReportHazard.DistrictCode), $"Unknown district '{command.DistrictCode}'.");
        }

        var enterpriseCode = string.IsNullOrWhiteSpace(command.EnterpriseUnitCode) ? null : command.EnterpriseUnitCode.Trim();
        if (enterpriseCode is null && user.IsInRole(Roles.Enterprise) && !OrgUnitScope.SeesAllUnits(user))
        {
            enterpriseCode = user.OrgUnitCode;
        }

        var enterpriseName = command.EnterpriseName;
        if (enterpriseCode is not null)
        {
            var enterprise = await db.OrgUnits.AsNoTracking().SingleOrDefaultAsync(u => u.Code == enterpriseCode && u.Kind == OrgUnitKind.Enterprise, cancellationToken)
                ?? throw ValidationError(nameof(ReportHazard.EnterpriseUnitCode), $"Unknown enterprise '{enterpriseCode}'.");
            enterpriseName ??= enterprise.NameZh;
        }

        await HazardAccess.EnsureMayReportAsync(db, user, command.AreaCode, command.DistrictCode, enterpriseCode, cancellationToken);

        var responsible = string.IsNullOrWhiteSpace(command.ResponsibleUnitCode)
            ? await HazardAccess.LeadUnitOfAsync(db, command.AreaCode, cancellationToken)
            : command.ResponsibleUnitCode.Trim();
        if (responsible is null || !await db.OrgUnits.AnyAsync(u => u.Code == responsible && (u.Kind == OrgUnitKind.Department || u.Kind == OrgUnitKind.CommitteeOffice), cancellationToken))
        {
            throw ValidationError(nameof(ReportHazard.ResponsibleUnitCode), $"'{responsible ?? command.AreaCode}' is not a department that can be responsible for the hazard.");
        }

        return new NewHazard(
            command.Title, command.Description, command.AreaCode, command.DistrictCode, responsible,
            enterpriseCode, enterpriseName, command.Source, command.FoundAt, command.Location);
    }

    private static ValidationException ValidationError(string property, string message) =>
        new(message, [new FluentValidation.Results.ValidationFailure(property, message)]);
}
