using FluentValidation;
using Mediator;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Features.Plan;

/// <summary>Loads <c>workflows/campaign-plan.json</c> at start-up and imports it; a broken plan stops start-up.</summary>
public sealed class ImportCampaignPlanStep(
    ISender sender,
    IOptions<PlanOptions> options,
    ILogger<ImportCampaignPlanStep> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(options.Value.PlanPath, AppContext.BaseDirectory);
        CampaignPlan plan;
        try
        {
            plan = CampaignPlanLoader.LoadFromFile(path);
        }
        catch (CampaignPlanException exception)
        {
            throw new StartupAbortedException($"The campaign plan {path} is invalid: {exception.Message}", exception);
        }
        catch (IOException exception)
        {
            throw new StartupAbortedException($"The campaign plan {path} cannot be read: {exception.Message}", exception);
        }

        PlanImportResult result;
        try
        {
            result = await sender.Send(new ImportCampaignPlan(plan), cancellationToken);
        }
        catch (ValidationException exception)
        {
            var reasons = string.Join("; ", exception.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
            throw new StartupAbortedException($"The campaign plan {path} is invalid: {reasons}", exception);
        }

        logger.LogInformation(
            "Campaign plan {Path} imported: {Added} added, {Updated} updated, {Removed} removed",
            path, result.Added, result.Updated, result.Removed);
    }
}
