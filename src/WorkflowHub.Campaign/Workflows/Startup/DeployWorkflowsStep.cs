using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Engine;

namespace WorkflowHub.Campaign.Workflows.Startup;

/// <summary>
/// Deploys every <c>*.bpmn</c> of the workflows folder. The engine keeps the current version when the XML is
/// unchanged, so a restart adds no versions. A diagram the engine refuses stops start-up, naming the file and each error.
/// </summary>
public sealed class DeployWorkflowsStep(
    IWorkflowEngine engine,
    IOptions<WorkflowsOptions> options,
    ILogger<DeployWorkflowsStep> logger) : IStartupStep
{
    public const string DeployedBy = "system";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DeployAtStartup)
        {
            return;
        }

        var folder = options.Value.FullPath;
        if (!Directory.Exists(folder))
        {
            throw new StartupAbortedException($"The workflows folder '{folder}' does not exist (setting {WorkflowsOptions.SectionName}:Path).");
        }

        foreach (var file in Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal))
        {
            var xml = await File.ReadAllTextAsync(file, cancellationToken);
            DeploymentResult result;
            try
            {
                result = await engine.DeployAsync(xml, DeployedBy, cancellationToken);
            }
            catch (BpmnValidationException exception)
            {
                var errors = string.Join("; ", exception.Errors.Select(e => e.ToString()));
                throw new StartupAbortedException($"The workflow file '{Path.GetFileName(file)}' cannot be deployed: {errors}", exception);
            }

            foreach (var definition in result.Definitions)
            {
                logger.LogInformation(
                    "Workflow {File}: {Key} version {Version} ({Outcome})",
                    Path.GetFileName(file), definition.Key, definition.Version, definition.IsNewVersion ? "new version" : "unchanged");
            }

            foreach (var warning in result.Warnings)
            {
                logger.LogDebug("Workflow {File}: {Warning}", Path.GetFileName(file), warning);
            }
        }
    }
}
