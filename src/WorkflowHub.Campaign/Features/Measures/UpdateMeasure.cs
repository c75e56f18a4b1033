using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Measures;

/// <summary>Edits a measure (text, unit, timetable, state). <see cref="Version"/> is the version the editor read.</summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead)]
public sealed record UpdateMeasure(Guid Id, string Title, string Content, string AreaCode, string? ResponsibleUnitCode, DateOnly Timetable, MeasureState State, long Version)
    : ICommand<MeasureView>;

public sealed class UpdateMeasureValidator : AbstractValidator<UpdateMeasure>
{
    public UpdateMeasureValidator()
    {
        MeasureRules.Fields(this, c => c.Title, c => c.Content, c => c.AreaCode, c => c.ResponsibleUnitCode);
        RuleFor(c => c.State).IsInEnum();
        RuleFor(c => c.Timetable).NotEqual(default(DateOnly));
        RuleFor(c => c.Version).GreaterThan(0);
    }
}

public sealed class UpdateMeasureHandler(CampaignDbContext db, ICurrentUser user, TimeProvider timeProvider) : ICommandHandler<UpdateMeasure, MeasureView>
{
    public async ValueTask<MeasureView> Handle(UpdateMeasure command, CancellationToken cancellationToken)
    {
        var measure = await db.InstitutionalMeasures.SingleOrDefaultAsync(m => m.Id == command.Id, cancellationToken)
            ?? throw NotFoundException.For("Measure", command.Id.ToString());
        MeasureRules.EnsureMayActFor(user, measure.ResponsibleUnitCode);
        var unit = await MeasureRules.ResolveUnitAsync(db, user, command.AreaCode, command.ResponsibleUnitCode, cancellationToken);
        if (measure.Version != command.Version)
        {
            throw new ConcurrencyException($"Measure {measure.Number} was changed by someone else (now version {measure.Version}, you sent {command.Version}). Reload and try again.");
        }

        db.Entry(measure).Property(m => m.Version).OriginalValue = command.Version;
        measure.Title = command.Title.Trim();
        measure.Content = command.Content.Trim();
        measure.AreaCode = command.AreaCode;
        measure.ResponsibleUnitCode = unit;
        measure.Timetable = command.Timetable;
        MeasureRules.ApplyState(measure, command.State, timeProvider.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return MeasureView.From(measure);
    }
}
