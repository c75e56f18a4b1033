using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Persistence.Configurations;
using WorkflowHub.Campaign.Infrastructure.Pipeline;

namespace WorkflowHub.Campaign.Features.Targets;

/// <summary>The responsible unit reports the value a target has reached as of a date, with a note on the evidence.</summary>
[RequireRoles(Roles.Admin, Roles.CommitteeOffice, Roles.DepartmentOfficer, Roles.DepartmentHead)]
public sealed record ReportTargetProgress(string TargetCode, decimal Value, DateOnly AsOf, string? EvidenceNote) : ICommand<TargetReportView>;

public sealed record TargetReportView(Guid Id, string TargetCode, decimal Value, DateOnly AsOf, string? EvidenceNote, string ReportedBy, string OrgUnitCode, DateTimeOffset ReportedAt)
{
    public static TargetReportView From(TargetReport r) => new(r.Id, r.TargetCode, r.Value, r.AsOf, r.EvidenceNote, r.ReportedBy, r.OrgUnitCode, r.ReportedAt);
}

public sealed class ReportTargetProgressValidator : AbstractValidator<ReportTargetProgress>
{
    public ReportTargetProgressValidator(TimeProvider timeProvider)
    {
        RuleFor(c => c.TargetCode).NotEmpty().MaximumLength(FieldLengths.Code);
        RuleFor(c => c.Value).GreaterThanOrEqualTo(0);
        RuleFor(c => c.EvidenceNote).MaximumLength(FieldLengths.Text);
        RuleFor(c => c.AsOf)
            .Must(asOf => asOf <= DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime.AddDays(1)))
            .WithMessage("Progress cannot be reported as of a future date.");
    }
}

public sealed class ReportTargetProgressHandler(CampaignDbContext db, ICurrentUser user, TimeProvider timeProvider)
    : ICommandHandler<ReportTargetProgress, TargetReportView>
{
    public async ValueTask<TargetReportView> Handle(ReportTargetProgress command, CancellationToken cancellationToken)
    {
        var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Code == command.TargetCode, cancellationToken)
            ?? throw NotFoundException.For("Target", command.TargetCode);
        if (!OrgUnitScope.CanActFor(user, target.ResponsibleUnitCode))
        {
            throw new ForbiddenException($"Only '{target.ResponsibleUnitCode}' reports progress on target '{target.Code}'.");
        }

        var now = timeProvider.GetUtcNow();
        var report = new TargetReport
        {
            Id = Guid.CreateVersion7(now),
            TargetCode = target.Code,
            Value = command.Value,
            AsOf = command.AsOf,
            EvidenceNote = command.EvidenceNote?.Trim(),
            ReportedBy = user.UserName ?? "system",
            OrgUnitCode = user.OrgUnitCode ?? target.ResponsibleUnitCode,
            ReportedAt = now,
        };
        db.TargetReports.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return TargetReportView.From(report);
    }
}
