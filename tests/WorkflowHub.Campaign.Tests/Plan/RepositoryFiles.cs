using System.Runtime.CompilerServices;

namespace WorkflowHub.Campaign.Tests.Plan;

/// <summary>Finds files of the repository from the test's output folder, wherever the build put it.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(() => FindRoot());

    public static string CampaignPlanPath => Path.Combine(Root.Value, "workflows", "campaign-plan.json");

    /// <summary>
    /// Walks up from the output folder first; a build with <c>--artifacts-path</c> puts that folder outside
    /// the repository, so the folder this source file was compiled from is the fallback.
    /// </summary>
    private static string FindRoot([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile), Environment.CurrentDirectory];
        foreach (var start in starts.OfType<string>())
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "WorkflowHub.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No WorkflowHub.sln above {AppContext.BaseDirectory} or {sourceFile}.");
    }
}
