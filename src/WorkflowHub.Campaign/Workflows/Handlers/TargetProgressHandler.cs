using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowHub.Campaign.Hazards;
using WorkflowHub.Campaign.Infrastructure.Persistence;
using WorkflowHub.Campaign.Infrastructure.Pipeline;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Workflows.Handlers;

/// <summary>
/// The <c>target-progress</c> external task: once the unit head approved a progress report, it is entered in the
/// target registry. The job id is the report id, so a handler that runs twice records the report once.
/// </summary>
public sealed class TargetProgressHandler(IServiceScopeFactory scopeFactory, TimeProvider timeProvider) : IExternalTaskHandler
{
    public const string TopicName = "target-progress";

    public string Topic => TopicName;

    public async Task<ExternalTaskResult> HandleAsync(ExternalTaskContext context, CancellationToken cancellationToken)
    {
        var variables = context.Variables;
        if (Text(variables, "targetCode") is not { } targetCode)
        {
            return ExternalTaskResult.Failure("The variable 'targetCode' is missing.");
        }

        if (!TryDecimal(variables.GetValueOrDefault("value"), out var value) || !TryDate(variables.GetValueOrDefault("asOf"), out var asOf))
        {
            return ExternalTaskResult.Failure("The variables 'value' (a number) and 'asOf' (a date) are required.");
        }

        await using var scope = scopeFactory.CreateSystemScope();
        var db = scope.ServiceProvider.GetRequiredService<CampaignDbContext>();
        var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Code == targetCode, cancellationToken);
        if (target is null)
        {
            return ExternalTaskResult.Failure($"No target has the code '{targetCode}'.");
        }

        if (!await db.TargetReports.AnyAsync(r => r.Id == context.JobId, cancellationToken))
        {
            db.TargetReports.Add(new TargetReport
            {
                Id = context.JobId,
                TargetCode = target.Code,
                Value = value,
                AsOf = asOf,
                EvidenceNote = Text(variables, "evidenceNote"),
                ReportedBy = Text(variables, "reportedBy") ?? SystemUser.Instance.UserName!,
                OrgUnitCode = Text(variables, "responsibleUnit") ?? target.ResponsibleUnitCode,
                ReportedAt = timeProvider.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return ExternalTaskResult.Success();
    }

    private static string? Text(IReadOnlyDictionary<string, object?> variables, string name) =>
        variables.GetValueOrDefault(name) is { } raw && Convert.ToString(raw, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null;

    private static bool TryDecimal(object? raw, out decimal value)
    {
        switch (raw)
        {
            case long or int or double or decimal or float:
                value = Convert.ToDecimal(raw, CultureInfo.InvariantCulture);
                return value >= 0;
            case string text:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out value) && value >= 0;
            default:
                value = 0;
                return false;
        }
    }

    private static bool TryDate(object? raw, out DateOnly date)
    {
        var text = Convert.ToString(raw, CultureInfo.InvariantCulture);
        if (DateOnly.TryParse(text, CultureInfo.InvariantCulture, out date))
        {
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
        {
            date = DateOnly.FromDateTime(moment.UtcDateTime);
            return true;
        }

        return false;
    }
}
