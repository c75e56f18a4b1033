using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace WorkflowHub.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Full-page screenshots of the main pages: into docs/screenshots (the README shows one) and into
/// TestResults/screenshots next to the test results, which CI keeps as artifacts.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = true });
        foreach (var folder in Folders())
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        }
    }

    private static IEnumerable<string> Folders()
    {
        var root = RepositoryRoot();
        if (root is not null)
        {
            yield return Path.Combine(root, "docs", "screenshots");
            yield return Path.Combine(root, "tests", "WorkflowHub.EndToEnd.Tests", "TestResults", "screenshots");
        }
        else
        {
            yield return Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        }
    }

    private static string? RepositoryRoot()
    {
        // The build output may live outside the repository (--artifacts-path), so start from this source file.
        for (var folder = new DirectoryInfo(Path.GetDirectoryName(SourceFile())!); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WorkflowHub.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
