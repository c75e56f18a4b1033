using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WorkflowHub.Campaign.Infrastructure.Startup;
using WorkflowHub.Engine.Scripting;

namespace WorkflowHub.Campaign.Workflows.Startup;

/// <summary>
/// The script runtime's one-time initialisation (<see cref="ScriptRuntimeInitialization"/>), which compiling the deployed
/// workflows' conditions and scripts needs: done before <see cref="DeployWorkflowsStep"/>, where it cost 0.4 s of the
/// first file. The runtime's type-initialisation lock makes the deployment wait for it if it is still running. Nothing
/// runs when the workflows are not deployed at start-up.
/// </summary>
public sealed class ScriptRuntimePreparation : IStartupPreparation
{
    public void Prepare(IServiceProvider services)
    {
        if (services.GetRequiredService<IOptions<WorkflowsOptions>>().Value.DeployAtStartup)
        {
            // It runs on a pool task of its own; no thread need wait for it here (a failure meets the deployment again).
            _ = ScriptRuntimeInitialization.StartInBackground();
        }
    }
}
