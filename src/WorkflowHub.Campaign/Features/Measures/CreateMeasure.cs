using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Measures;

/// <summary>Adds an institutional measure to the list; it is numbered ZC + year + four digits.</summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead)]
public sealed record CreateMeasure(string Title, string Content, string AreaCode, string? ResponsibleUnitCode, DateOnly Timetable, MeasureState State = MeasureState.Planned)
    : ICommand<MeasureView>;

public sealed class CreateMeasureValidator : AbstractValidator<CreateMeasure>
{
    public CreateMeasureValidator()
    {
        MeasureRules.Fields(this, c => c.Title, c => c.Content, c => c.AreaCode, c => c.ResponsibleUnitCode);
        RuleFor(c => c.State).IsInEnum();
        RuleFor(c => c.Timetable).NotEqual(default(DateOnly));
    }
}

public sealed class CreateMeasureHandler(CampaignDbContext db, ICurrentUser user, TimeProvider timeProvider) : ICommandHandler<CreateMeasure, MeasureView>
{
    public const string Prefix = "ZC";

    public async ValueTask<MeasureView> Handle(CreateMeasure command, CancellationToken cancellationToken)
    {
        var unit = await MeasureRules.ResolveUnitAsync(db, user, command.AreaCode, command.ResponsibleUnitCode, cancellationToken);
        var now = timeProvider.GetUtcNow();
        var prefix = $"{Prefix}{now.Year:D4}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var last = await db.InstitutionalMeasures.Where(m => m.Number.StartsWith(prefix)).OrderByDescending(m => m.Number).Select(m => m.Number).FirstOrDefaultAsync(cancellationToken);
        var next = last is null ? 1 : int.Parse(last[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture) + 1;
        var measure = new InstitutionalMeasure
        {
            Id = Guid.CreateVersion7(now),
            Number = $"{prefix}{next:D4}",
            Title = command.Title.Trim(),
            Content = command.Content.Trim(),
            AreaCode = command.AreaCode,
            ResponsibleUnitCode = unit,
            Timetable = command.Timetable,
        };
        MeasureRules.ApplyState(measure, command.State, now);
        db.InstitutionalMeasures.Add(measure);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MeasureView.From(measure);
    }
}
