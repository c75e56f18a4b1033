using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Domain;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Campaign.Plan;
using WorkflowHub.Engine;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;
using WorkflowHub.Engine.Persistence;

namespace WorkflowHub.Campaign.Hazards.Demo;

/// <summary>
/// Fills an empty registry with a demo city: hazards over every area, district and source, reported over the last
/// months and driven to every stage of the loop (some overdue, some sent back once, majors listed for supervision).
/// Each batch of hazards and their loops commits in one transaction; the time taken is logged.
/// </summary>
public sealed class GenerateDemoHazardsStep(
    CampaignDbContext db,
    IWorkflowEngine engine,
    HazardDeadlines deadlines,
    IOptions<DemoHazardsOptions> options,
    IEnumerable<IBusinessRuleEvaluator> ruleEvaluators,
    TimeProvider timeProvider,
    ILogger<GenerateDemoHazardsStep> logger) : IStartupStep
{
    private const string DemoUser = "system";

    private enum Stage
    {
        Grading,
        Planning,
        Rectifying,
        AwaitingAcceptance,
        Closed,
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        if (!demo.Enabled || demo.Hazards <= 0 || await db.Hazards.AnyAsync(cancellationToken))
        {
            return;
        }

        if (await engine.Queries.FindLatestDefinitionAsync(HazardWorkflow.ProcessKey, cancellationToken) is null)
        {
            logger.LogWarning("Demo hazards skipped: the workflow '{Key}' is not deployed", HazardWorkflow.ProcessKey);
            return;
        }

        var city = await LoadCityAsync(cancellationToken);
        if (city.Areas.Count == 0 || city.Districts.Count == 0)
        {
            logger.LogWarning("Demo hazards skipped: the plan has no areas or no districts");
            return;
        }

        var random = new Random(demo.Seed);
        var canReject = ruleEvaluators.Any();
        var stopwatch = Stopwatch.StartNew();
        var batchSize = Math.Max(1, demo.BatchSize);
        for (var done = 0; done < demo.Hazards; done += batchSize)
        {
            await GenerateBatchAsync(city, random, Math.Min(batchSize, demo.Hazards - done), canReject, cancellationToken);
        }

        logger.LogInformation(
            "Demo data: generated {Count} hazards with their loops in {Seconds:0.0} s ({PerHazard:0.0} ms per hazard)",
            demo.Hazards, stopwatch.Elapsed.TotalSeconds, stopwatch.Elapsed.TotalMilliseconds / demo.Hazards);
    }

    private sealed record City(IReadOnlyList<(string Code, string Lead)> Areas, IReadOnlyList<string> Districts, IReadOnlyList<OrgUnit> Enterprises);

    private async Task<City> LoadCityAsync(CancellationToken cancellationToken)
    {
        var leads = await db.AreaUnits.AsNoTracking()
            .Where(u => u.Role == AreaUnitRole.Lead)
            .OrderBy(u => u.AreaCode).ThenBy(u => u.Position)
            .ToListAsync(cancellationToken);
        var areas = leads.GroupBy(u => u.AreaCode).Select(g => (g.Key, g.First().OrgUnitCode)).ToList();
        var units = await db.OrgUnits.AsNoTracking().ToListAsync(cancellationToken);
        return new City(
            areas,
            units.Where(u => u.Kind == OrgUnitKind.District).Select(u => u.Code).Order(StringComparer.Ordinal).ToList(),
            units.Where(u => u.Kind == OrgUnitKind.Enterprise).OrderBy(u => u.Code, StringComparer.Ordinal).ToList());
    }

    private async Task GenerateBatchAsync(City city, Random random, int count, bool canReject, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var numbers = await HazardNumbers.ReserveAsync(db, now.Year, count, cancellationToken);
        var plans = numbers.Select(number => NewHazard(city, random, number, now)).ToList();
        db.Hazards.AddRange(plans.Select(p => p.Hazard));
        await db.SaveChangesAsync(cancellationToken);

        using (EngineTransactionScope.Join(db.Database))
        {
            foreach (var (hazard, stage, major, rejected) in plans)
            {
                var instance = await engine.StartInstanceAsync(HazardWorkflow.ProcessKey, hazard.Number, HazardWorkflow.StartVariables(hazard, deadlines), DemoUser, cancellationToken);
                hazard.InstanceId = instance.Id;
                await DriveAsync(hazard, stage, major, rejected && canReject, random, cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static (Hazard Hazard, Stage Stage, bool Major, bool Rejected) NewHazard(City city, Random random, string number, DateTimeOffset now)
    {
        var (areaCode, lead) = city.Areas[random.Next(city.Areas.Count)];
        var district = city.Districts[random.Next(city.Districts.Count)];
        var source = random.Next(10) switch
        {
            < 5 => HazardSource.SelfInspection,
            < 9 => HazardSource.Inspection,
            _ => HazardSource.PublicReport,
        };
        var enterprise = source == HazardSource.PublicReport || city.Enterprises.Count == 0 || random.Next(4) > 0
            ? null
            : city.Enterprises[random.Next(city.Enterprises.Count)];
        var (title, description) = DemoHazardTexts.Common[random.Next(DemoHazardTexts.Common.Length)];
        var reportedAt = now.AddDays(-random.Next(0, 240)).AddMinutes(-random.Next(0, 600));
        var hazard = new Hazard
        {
            Id = Guid.CreateVersion7(reportedAt),
            Number = number,
            Title = title,
            Description = description,
            AreaCode = areaCode,
            DistrictCode = district,
            ResponsibleUnitCode = lead,
            EnterpriseUnitCode = enterprise?.Code,
            EnterpriseName = enterprise?.NameZh ?? $"示例生产经营单位{random.Next(1, 400):D3}号",
            Source = source,
            FoundAt = reportedAt.AddDays(-random.Next(0, 5)),
            Location = DemoHazardTexts.Locations[random.Next(DemoHazardTexts.Locations.Length)],
            Grade = HazardGrade.Ungraded,
            State = HazardState.Grading,
            ReportedBy = DemoUser,
            ReportedAt = reportedAt,
        };

        // Older hazards are further along: most reported months ago are closed, the newest still wait for grading.
        var age = (now - reportedAt).TotalDays;
        var roll = random.NextDouble();
        var stage = age switch
        {
            < 3 => roll < 0.7 ? Stage.Grading : Stage.Planning,
            < 20 => roll < 0.1 ? Stage.Grading : roll < 0.35 ? Stage.Planning : roll < 0.85 ? Stage.Rectifying : Stage.AwaitingAcceptance,
            < 60 => roll < 0.1 ? Stage.Planning : roll < 0.55 ? Stage.Rectifying : roll < 0.7 ? Stage.AwaitingAcceptance : Stage.Closed,
            _ => roll < 0.2 ? Stage.Rectifying : roll < 0.27 ? Stage.AwaitingAcceptance : Stage.Closed,
        };
        return (hazard, stage, random.NextDouble() < 0.08, random.NextDouble() < 0.12);
    }

    /// <summary>Completes the loop's tasks up to <paramref name="stage"/>, dating each step back from the report.</summary>
    private async Task DriveAsync(Hazard hazard, Stage stage, bool major, bool rejected, Random random, CancellationToken cancellationToken)
    {
        if (stage == Stage.Grading)
        {
            return;
        }

        var grade = major ? HazardGrade.Major : HazardGrade.General;
        var gradedAt = hazard.ReportedAt.AddDays(random.Next(0, 3)).AddHours(random.Next(1, 8));
        var dates = deadlines.AfterGrading(gradedAt, grade);
        await CompleteAsync(hazard, HazardWorkflow.Elements.GradeHazard, new()
        {
            [HazardWorkflow.Variables.Grade] = HazardWorkflow.GradeWord(grade),
            ["gradingReason"] = major ? "对照重大事故隐患判定标准，属重大隐患" : "对照判定标准，属一般隐患",
            [HazardWorkflow.Variables.DuePlan] = HazardWorkflow.Iso(dates.Plan),
            [HazardWorkflow.Variables.DueRectification] = HazardWorkflow.Iso(dates.Rectification),
            [HazardWorkflow.Variables.DueAcceptance] = HazardWorkflow.Iso(dates.Acceptance),
        }, cancellationToken);
        hazard.Grade = grade;
        hazard.GradedAt = gradedAt;
        hazard.DueAt = dates.Rectification;
        hazard.State = HazardState.Planning;
        if (major)
        {
            // The supervision listing is an external task run by the job executor after start-up; the loop waits there.
            hazard.ListedForSupervision = true;
            return;
        }

        if (stage == Stage.Planning)
        {
            return;
        }

        await CompleteAsync(hazard, HazardWorkflow.Elements.SubmitPlan, new()
        {
            ["responsiblePerson"] = "安全主管",
            ["measures"] = "立即停止相关作业，按标准完成整改并组织复查。",
            ["funds"] = Math.Round(random.NextDouble() * 20, 2),
            ["timeLimit"] = dates.Rectification.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["contingencyPlan"] = "整改完成前设置警戒区域，安排专人巡查值守。",
        }, cancellationToken);
        hazard.State = HazardState.Rectifying;
        if (stage == Stage.Rectifying)
        {
            return;
        }

        await RectifyAsync(hazard, gradedAt.AddDays(random.Next(3, 25)), cancellationToken);
        if (rejected)
        {
            await CompleteAsync(hazard, HazardWorkflow.Elements.AcceptGeneral, new()
            {
                [HazardWorkflow.Variables.Accepted] = false,
                ["acceptanceComment"] = "整改不彻底，佐证材料不全，退回整改。",
            }, cancellationToken);
            hazard.RejectionCount = 1;
            await RectifyAsync(hazard, hazard.RectifiedAt!.Value.AddDays(random.Next(2, 10)), cancellationToken);
        }

        if (stage == Stage.AwaitingAcceptance)
        {
            return;
        }

        await CompleteAsync(hazard, HazardWorkflow.Elements.AcceptGeneral, new()
        {
            [HazardWorkflow.Variables.Accepted] = true,
            ["acceptanceComment"] = "经现场复查，整改到位，同意销号。",
        }, cancellationToken);
        // The closing external task runs after start-up and confirms this state.
        hazard.State = HazardState.Closed;
        hazard.ClosedAt = hazard.RectifiedAt!.Value.AddDays(random.Next(1, 5));
    }

    private async Task RectifyAsync(Hazard hazard, DateTimeOffset rectifiedAt, CancellationToken cancellationToken)
    {
        await CompleteAsync(hazard, HazardWorkflow.Elements.Rectify, new()
        {
            ["rectificationSummary"] = "已按整改方案完成整改，整改前后照片已上传。",
            ["evidenceCount"] = 2,
            ["rectifiedAt"] = rectifiedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }, cancellationToken);
        hazard.RectifiedAt = rectifiedAt;
        hazard.State = HazardState.AwaitingAcceptance;
    }

    private async Task CompleteAsync(Hazard hazard, string elementId, Dictionary<string, object?> variables, CancellationToken cancellationToken)
    {
        var tasks = await engine.Queries.QueryTasksAsync(new TaskQuery { InstanceId = hazard.InstanceId, ElementId = elementId, Take = 1 }, cancellationToken);
        var task = tasks.Items.Count > 0
            ? tasks.Items[0]
            : throw new InvalidOperationException($"Demo hazard {hazard.Number}: no open task '{elementId}'.");
        await engine.CompleteTaskAsync(task.Id, variables, DemoUser, cancellationToken);
    }
}
