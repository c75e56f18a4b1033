using FluentValidation;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Features.Measures;

/// <summary>What creating and editing a measure share: field rules, plan checks and who may act for which unit.</summary>
public static class MeasureRules
{
    public static void Fields<T>(AbstractValidator<T> validator, Func<T, string> title, Func<T, string> content, Func<T, string> areaCode, Func<T, string?> unitCode)
    {
        validator.RuleFor(c => title(c)).NotEmpty().MaximumLength(FieldLengths.Name).OverridePropertyName("title");
        validator.RuleFor(c => content(c)).NotEmpty().MaximumLength(FieldLengths.Text).OverridePropertyName("content");
        validator.RuleFor(c => areaCode(c)).NotEmpty().MaximumLength(FieldLengths.Code).OverridePropertyName("areaCode");
        validator.RuleFor(c => unitCode(c)).MaximumLength(FieldLengths.Code).OverridePropertyName("responsibleUnitCode");
    }

    /// <summary>The responsible unit (the area's lead unit when none is named), checked against the plan and the user.</summary>
    public static async Task<string> ResolveUnitAsync(CampaignDbContext db, ICurrentUser user, string areaCode, string? unitCode, CancellationToken cancellationToken)
    {
        if (!await db.Areas.AnyAsync(a => a.Code == areaCode, cancellationToken))
        {
            throw Invalid("areaCode", $"Unknown area '{areaCode}'.");
        }

        var unit = string.IsNullOrWhiteSpace(unitCode) ? await HazardAccess.LeadUnitOfAsync(db, areaCode, cancellationToken) : unitCode.Trim();
        if (unit is null || !await db.OrgUnits.AnyAsync(u => u.Code == unit && (u.Kind == OrgUnitKind.Department || u.Kind == OrgUnitKind.CommitteeOffice), cancellationToken))
        {
            throw Invalid("responsibleUnitCode", $"'{unit ?? areaCode}' is not a department.");
        }

        EnsureMayActFor(user, unit);
        return unit;
    }

    /// <summary>Departments keep their own measures; the committee office and administrators keep all.</summary>
    public static void EnsureMayActFor(ICurrentUser user, string unitCode)
    {
        if (user.IsSystem || user.IsInRole(Roles.Admin) || user.IsInRole(Roles.CommitteeOffice))
        {
            return;
        }

        if (!string.Equals(user.OrgUnitCode, unitCode, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"Only '{unitCode}', the committee office or an administrator may change this measure.");
        }
    }

    public static void ApplyState(InstitutionalMeasure measure, MeasureState state, DateTimeOffset now)
    {
        measure.State = state;
        measure.CompletedAt = state == MeasureState.Done ? measure.CompletedAt ?? now : null;
    }

    private static ValidationException Invalid(string property, string message) =>
        new(message, [new FluentValidation.Results.ValidationFailure(property, message)]);
}
