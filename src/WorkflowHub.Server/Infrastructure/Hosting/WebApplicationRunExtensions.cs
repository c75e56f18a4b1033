using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Server.Infrastructure.Hosting;

public static class WebApplicationRunExtensions
{
    /// <summary>Runs the server; a start-up step that aborts (e.g. a broken plan file) ends the process with exit code 1.</summary>
    public static async Task<int> RunWorkflowHubAsync(this WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (StartupAbortedException exception)
        {
            await Console.Error.WriteLineAsync($"WorkflowHub did not start: {exception.Message}");
            return 1;
        }
    }
}
