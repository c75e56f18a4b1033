using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Features.Plan;

/// <summary>
/// Upserts the campaign plan by code: new entries are added, changed ones updated (their version moves on),
/// unchanged ones left alone, so importing the same plan twice changes nothing. Entries that left the plan are
/// kept, because hazards, decisions and reports may point at them; only the area-unit links are replaced.
/// </summary>
/// <param name="PlanSha256">
/// The SHA-256 of the file the plan was read from, stored so that a start with the same file can skip the import;
/// null for a plan from elsewhere, which makes the next start import its file again.
/// </param>
[RequireRoles(Roles.Admin)]
public sealed record ImportCampaignPlan(CampaignPlan Plan, string? PlanSha256 = null) : ICommand<PlanImportResult>;

/// <summary>How many rows the import added, updated and removed.</summary>
public sealed record PlanImportResult(int Added, int Updated, int Removed)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool ChangedAnything => Added + Updated + Removed > 0;
}

public sealed class ImportCampaignPlanValidator : AbstractValidator<ImportCampaignPlan>
{
    public ImportCampaignPlanValidator()
    {
        RuleFor(c => c.Plan).NotNull();
        RuleFor(c => c.Plan).Custom((plan, context) =>
        {
            if (plan is null)
            {
                return;
            }

            var units = plan.OrgUnits.Select(u => u.Code).ToHashSet(StringComparer.Ordinal);
            foreach (var unit in plan.OrgUnits.Where(u => u.ParentCode is not null && !units.Contains(u.ParentCode)))
            {
                context.AddFailure($"Plan.OrgUnits[{unit.Code}]", $"Org unit {unit.Code} names the unknown parent '{unit.ParentCode}'.");
            }

            foreach (var area in plan.Areas)
            {
                foreach (var code in area.LeadUnits.Concat(area.CoUnits).Where(code => !units.Contains(code)))
                {
                    context.AddFailure($"Plan.Areas[{area.Code}]", $"Area {area.Code} names the unknown org unit '{code}'.");
                }

                foreach (var target in area.Targets.Where(t => !units.Contains(t.ResponsibleUnit)))
                {
                    context.AddFailure($"Plan.Areas[{area.Code}].Targets[{target.Code}]", $"Target {target.Code} names the unknown responsible unit '{target.ResponsibleUnit}'.");
                }
            }
        });
    }
}

public sealed class ImportCampaignPlanHandler(CampaignDbContext db) : ICommandHandler<ImportCampaignPlan, PlanImportResult>
{
    public async ValueTask<PlanImportResult> Handle(ImportCampaignPlan command, CancellationToken cancellationToken)
    {
        var plan = command.Plan;
        await UpsertProfileAsync(plan.Campaign, cancellationToken);
        await UpsertOrgUnitsAsync(plan.OrgUnits, cancellationToken);
        await UpsertPhasesAsync(plan.Phases, cancellationToken);
        await UpsertAreasAsync(plan.Areas, cancellationToken);

        db.ChangeTracker.DetectChanges();
        var entries = db.ChangeTracker.Entries().ToList();
        var result = new PlanImportResult(
            entries.Count(e => e.State == EntityState.Added),
            entries.Count(e => e.State == EntityState.Modified),
            entries.Count(e => e.State == EntityState.Deleted));

        // Set after counting, so the counts say what the plan changed; saved in the same transaction as the plan.
        var profile = await db.CampaignProfiles.FindAsync([CampaignProfile.SingletonId], cancellationToken);
        profile!.PlanSha256 = command.PlanSha256;
        await db.SaveChangesAsync(cancellationToken);
        return result;
    }

    private async Task UpsertProfileAsync(PlanCampaign campaign, CancellationToken cancellationToken)
    {
        var profile = await db.CampaignProfiles.FindAsync([CampaignProfile.SingletonId], cancellationToken);
        if (profile is null)
        {
            profile = new CampaignProfile { NameZh = campaign.NameZh, NameEn = campaign.NameEn };
            db.CampaignProfiles.Add(profile);
        }

        profile.NameZh = campaign.NameZh;
        profile.NameEn = campaign.NameEn;
        profile.Start = campaign.Start;
        profile.End = campaign.End;
    }

    private async Task UpsertOrgUnitsAsync(IReadOnlyList<PlanOrgUnit> planUnits, CancellationToken cancellationToken)
    {
        var existing = await db.OrgUnits.ToDictionaryAsync(u => u.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var planUnit in planUnits)
        {
            if (!existing.TryGetValue(planUnit.Code, out var unit))
            {
                unit = new OrgUnit { Code = planUnit.Code, NameZh = planUnit.NameZh, NameEn = planUnit.NameEn };
                db.OrgUnits.Add(unit);
                existing.Add(unit.Code, unit);
            }

            unit.Kind = planUnit.Kind;
            unit.NameZh = planUnit.NameZh;
            unit.NameEn = planUnit.NameEn;
            unit.ParentCode = planUnit.ParentCode;
        }
    }

    private async Task UpsertPhasesAsync(IReadOnlyList<PlanPhase> planPhases, CancellationToken cancellationToken)
    {
        var existing = await db.Phases.ToDictionaryAsync(p => p.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var planPhase in planPhases)
        {
            if (!existing.TryGetValue(planPhase.Code, out var phase))
            {
                phase = new Phase { Code = planPhase.Code, NameZh = planPhase.NameZh, NameEn = planPhase.NameEn };
                db.Phases.Add(phase);
                existing.Add(phase.Code, phase);
            }

            phase.Order = planPhase.Order;
            phase.NameZh = planPhase.NameZh;
            phase.NameEn = planPhase.NameEn;
            phase.Start = planPhase.Start;
            phase.End = planPhase.End;
        }
    }

    private async Task UpsertAreasAsync(IReadOnlyList<PlanArea> planAreas, CancellationToken cancellationToken)
    {
        var existing = await db.Areas
            .Include(a => a.Units)
            .Include(a => a.Tasks)
            .Include(a => a.Targets)
            .AsSplitQuery()
            .ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        var targets = await db.Targets.ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);

        foreach (var planArea in planAreas)
        {
            if (!existing.TryGetValue(planArea.Code, out var area))
            {
                area = new Area { Code = planArea.Code, NameZh = planArea.NameZh, NameEn = planArea.NameEn };
                db.Areas.Add(area);
                existing.Add(area.Code, area);
            }

            area.Number = planArea.Number;
            area.Kind = planArea.Kind;
            area.NameZh = planArea.NameZh;
            area.NameEn = planArea.NameEn;

            ReplaceUnits(area, planArea);
            UpsertTasks(area, planArea.Tasks);
            UpsertTargets(area, planArea.Targets, targets);
        }
    }

    private void ReplaceUnits(Area area, PlanArea planArea)
    {
        var wanted = planArea.LeadUnits.Select(code => (Code: code, Role: AreaUnitRole.Lead))
            .Concat(planArea.CoUnits.Select(code => (Code: code, Role: AreaUnitRole.Co)))
            .DistinctBy(u => u.Code, StringComparer.Ordinal)
            .Select((u, position) => (u.Code, u.Role, Position: position))
            .ToList();

        foreach (var stale in area.Units.Where(u => !wanted.Exists(w => w.Code == u.OrgUnitCode)).ToList())
        {
            area.Units.Remove(stale);
            db.AreaUnits.Remove(stale);
        }

        foreach (var (code, role, position) in wanted)
        {
            var unit = area.Units.Find(u => u.OrgUnitCode == code);
            if (unit is null)
            {
                unit = new AreaUnit { AreaCode = area.Code, OrgUnitCode = code };
                area.Units.Add(unit);
            }

            unit.Role = role;
            unit.Position = position;
        }
    }

    private static void UpsertTasks(Area area, IReadOnlyList<PlanAreaTask> planTasks)
    {
        foreach (var planTask in planTasks)
        {
            var task = area.Tasks.Find(t => t.Number == planTask.Number);
            if (task is null)
            {
                task = new AreaTask { AreaCode = area.Code, Number = planTask.Number, TextZh = planTask.TextZh, SummaryEn = planTask.SummaryEn };
                area.Tasks.Add(task);
            }

            task.TextZh = planTask.TextZh;
            task.SummaryEn = planTask.SummaryEn;
        }
    }

    private static void UpsertTargets(Area area, IReadOnlyList<PlanTarget> planTargets, Dictionary<string, Target> targets)
    {
        foreach (var planTarget in planTargets)
        {
            if (!targets.TryGetValue(planTarget.Code, out var target))
            {
                target = new Target
                {
                    Code = planTarget.Code,
                    AreaCode = area.Code,
                    MeasureZh = planTarget.MeasureZh,
                    MeasureEn = planTarget.MeasureEn,
                    Unit = planTarget.Unit,
                    ResponsibleUnitCode = planTarget.ResponsibleUnit,
                };
                area.Targets.Add(target);
                targets.Add(target.Code, target);
            }

            target.AreaCode = area.Code;
            target.MeasureZh = planTarget.MeasureZh;
            target.MeasureEn = planTarget.MeasureEn;
            target.Value = planTarget.Value;
            target.Unit = planTarget.Unit;
            target.Deadline = planTarget.Deadline;
            target.ResponsibleUnitCode = planTarget.ResponsibleUnit;
        }
    }
}
