using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Hazards.Changes;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Workflows.CampaignProcess;

namespace WorkflowHub.Campaign.Features.Hazards;

/// <summary>
/// Records that a production-safety accident was traced to this hazard (关联事故). Once saved, the change is published,
/// so the escalation rules answer it at once and refer the responsible unit to the judicial authorities (移交司法).
/// A hazard is linked to one accident, once: a second link is refused (409) rather than overwriting the first, since
/// the referral already made rests on it. A closed hazard may still be linked, as accidents are often traced to a
/// hazard after it was closed (销号), and that is exactly the negligence the referral is for.
/// <see cref="Version"/> is the version of the hazard the user read.
/// </summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead)]
public sealed record LinkHazardToAccident(Guid HazardId, string AccidentReference, DateOnly AccidentDate, string Description, long Version)
    : ICommand<HazardView>;

public sealed class LinkHazardToAccidentValidator : AbstractValidator<LinkHazardToAccident>
{
    public LinkHazardToAccidentValidator(TimeProvider timeProvider)
    {
        RuleFor(c => c.AccidentReference).NotEmpty().MaximumLength(HazardConfiguration.AccidentReferenceLength);
        RuleFor(c => c.Description).NotEmpty().MaximumLength(HazardConfiguration.AccidentDescriptionLength);
        RuleFor(c => c.AccidentDate)
            .NotEqual(default(DateOnly)).WithMessage("Say on which day the accident happened.")
            .Must(date => date <= AccidentLinks.CityDay(timeProvider.GetUtcNow()))
            .WithMessage("An accident cannot have happened in the future.");
        RuleFor(c => c.Version).GreaterThan(0).WithMessage("Send the version of the hazard you read.");
    }
}

public sealed class LinkHazardToAccidentHandler(CampaignDbContext db, ICurrentUser user, HazardChangePublisher changes, TimeProvider timeProvider)
    : ICommandHandler<LinkHazardToAccident, HazardView>
{
    public async ValueTask<HazardView> Handle(LinkHazardToAccident command, CancellationToken cancellationToken)
    {
        var hazard = await db.Hazards.VisibleTo(user).SingleOrDefaultAsync(h => h.Id == command.HazardId, cancellationToken)
            ?? throw NotFoundException.For("Hazard", command.HazardId.ToString());
        EnsureMayLink(hazard);

        if (hazard.LinkedToAccident)
        {
            throw new ConflictException(
                $"Hazard {hazard.Number} is already linked to accident {hazard.AccidentReference} (by {hazard.AccidentLinkedBy}); a hazard is linked to one accident only.");
        }

        var foundOn = AccidentLinks.CityDay(hazard.FoundAt);
        if (command.AccidentDate < foundOn)
        {
            var message = $"The accident date cannot be before the hazard was found ({foundOn:yyyy-MM-dd}).";
            throw new ValidationException(message, [new FluentValidation.Results.ValidationFailure(nameof(LinkHazardToAccident.AccidentDate), message)]);
        }

        if (hazard.Version != command.Version)
        {
            throw new ConcurrencyException($"Hazard {hazard.Number} was changed by someone else (now version {hazard.Version}, you sent {command.Version}). Reload and try again.");
        }

        var by = user.UserName ?? "system";
        db.Entry(hazard).Property(h => h.Version).OriginalValue = command.Version;
        hazard.LinkedToAccident = true;
        hazard.AccidentReference = command.AccidentReference.Trim();
        hazard.AccidentDate = command.AccidentDate;
        hazard.AccidentDescription = command.Description.Trim();
        hazard.AccidentLinkedBy = by;
        hazard.AccidentLinkedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);

        // Committed: the rules must hear of it even if the caller hangs up now, or the referral waits for the sweep.
        await changes.PublishAsync(
            new HazardChange(hazard.Id, hazard.Number, HazardChangeKind.LinkedToAccident, $"hazard {hazard.Number} linked to accident {hazard.AccidentReference} by {by}"),
            CancellationToken.None);
        return HazardView.From(hazard, timeProvider.GetUtcNow());
    }

    private void EnsureMayLink(Hazard hazard)
    {
        if (!AccidentLinks.MayLink(user, hazard.ResponsibleUnitCode))
        {
            throw new ForbiddenException($"Only the responsible department {hazard.ResponsibleUnitCode}, the committee office or an administrator may link hazard {hazard.Number} to an accident.");
        }
    }
}

/// <summary>Who may link a hazard to an accident, and the calendar accident dates are read in; shared by the handler and the page.</summary>
public static class AccidentLinks
{
    /// <summary>
    /// The committee office and administrators link any hazard; a department only the hazards it is responsible for
    /// (a user who also holds a district role sees that district's hazards, but does not answer for them).
    /// </summary>
    public static bool MayLink(ICurrentUser user, string responsibleUnitCode) =>
        user.IsSystem
        || user.IsInRole(Roles.Admin)
        || user.IsInRole(Roles.CommitteeOffice)
        || ((user.IsInRole(Roles.DepartmentOfficer) || user.IsInRole(Roles.DepartmentHead))
            && string.Equals(responsibleUnitCode, user.OrgUnitCode, StringComparison.Ordinal));

    /// <summary>Accident dates are days of the city's calendar (UTC+8), whatever the server's time zone.</summary>
    public static DateOnly CityDay(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(CampaignCalendar.CityOffset).DateTime);
}
