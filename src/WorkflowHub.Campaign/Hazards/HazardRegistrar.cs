using Microsoft.EntityFrameworkCore;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Engine;
using WorkflowHub.Engine.EntityFrameworkCore.Transactions;

namespace WorkflowHub.Campaign.Hazards;

/// <summary>
/// Registers hazards and starts their rectification loops in ONE database transaction: the hazard rows, their numbers
/// and their workflow instances commit together or not at all (the engine joins the context's transaction).
/// </summary>
public sealed class HazardRegistrar(CampaignDbContext db, IWorkflowEngine engine, HazardDeadlines deadlines, TimeProvider timeProvider)
{
    /// <summary>Stores the hazards in the given order, each with its loop started at the grading task.</summary>
    public async Task<IReadOnlyList<Hazard>> RegisterAsync(IReadOnlyList<NewHazard> reports, string reportedBy, string? engineUserId, CancellationToken cancellationToken)
    {
        if (reports.Count == 0)
        {
            return [];
        }

        var now = timeProvider.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var numbers = await HazardNumbers.ReserveAsync(db, now.Year, reports.Count, cancellationToken);
        var hazards = reports.Select((report, i) => ToHazard(report, numbers[i], reportedBy, now)).ToList();
        db.Hazards.AddRange(hazards);
        await db.SaveChangesAsync(cancellationToken);

        // Set directly here, not in a helper, so the ambient scope flows into the engine calls below.
        using (EngineTransactionScope.Join(db.Database))
        {
            foreach (var hazard in hazards)
            {
                var instance = await engine.StartInstanceAsync(
                    HazardWorkflow.ProcessKey, hazard.Number, HazardWorkflow.StartVariables(hazard, deadlines), engineUserId, cancellationToken);
                hazard.InstanceId = instance.Id;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return hazards;
    }

    private static Hazard ToHazard(NewHazard report, string number, string reportedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Number = number,
        Title = report.Title.Trim(),
        Description = report.Description.Trim(),
        AreaCode = report.AreaCode,
        DistrictCode = report.DistrictCode,
        ResponsibleUnitCode = report.ResponsibleUnitCode,
        EnterpriseUnitCode = report.EnterpriseUnitCode,
        EnterpriseName = report.EnterpriseName?.Trim(),
        Source = report.Source,
        FoundAt = report.FoundAt,
        Location = report.Location?.Trim(),
        Grade = HazardGrade.Ungraded,
        // The loop's first wait is the grading task.
        State = HazardState.Grading,
        ReportedBy = reportedBy,
        ReportedAt = now,
    };

    /// <summary>Whether any hazard exists yet (the demo generator fills an empty registry only).</summary>
    public Task<bool> AnyAsync(CancellationToken cancellationToken) => db.Hazards.AnyAsync(cancellationToken);
}
