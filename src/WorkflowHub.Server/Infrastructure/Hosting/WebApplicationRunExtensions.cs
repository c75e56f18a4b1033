using WorkflowHub.Campaign.Infrastructure.Startup;

namespace WorkflowHub.Server.Infrastructure.Hosting;

public static class WebApplicationRunExtensions
{
    /// <summary>
    /// Starts the start-up preparations (<see cref="StartupPreparations"/>) in the background as soon as the application is
    /// built, so they overlap the pipeline's configuration; not for a maintenance verb, which starts no server.
    /// </summary>
    public static void StartStartupPreparations(this WebApplication app, string[]? args = null)
    {
        if (args is null || DatabaseCommands.Parse(args) is null)
        {
            _ = StartupPreparations.Start(app.Services);
        }
    }

    /// <summary>
    /// Runs the server; a start-up step that aborts (e.g. a broken plan file) ends the process with exit code 1.
    /// A maintenance verb in <paramref name="args"/> (<see cref="DatabaseCommands"/>) runs instead, without starting the server.
    /// </summary>
    public static async Task<int> RunWorkflowHubAsync(this WebApplication app, string[]? args = null)
    {
        if (args is not null && DatabaseCommands.Parse(args) is not null)
        {
            return await DatabaseCommands.RunAsync(app.Services, args, Console.Out, Console.Error);
        }

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
