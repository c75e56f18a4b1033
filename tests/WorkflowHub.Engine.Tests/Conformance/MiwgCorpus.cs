namespace WorkflowHub.Engine.Tests.Conformance;

/// <summary>Locates the MIWG reference diagrams: ../shared/conformance/miwg next to the repository root.</summary>
public static class MiwgCorpus
{
    public static string Directory => Locate();

    /// <summary>Walks up from this source file (the build may live elsewhere under --artifacts-path) to WorkflowHub.sln.</summary>
    private static string Locate([System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, System.IO.Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "WorkflowHub.sln")))
                {
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "miwg"));
                }
            }
        }

        throw new InvalidOperationException("WorkflowHub.sln was not found above the test sources.");
    }

    public static IEnumerable<string> Files => System.IO.Directory.GetFiles(Directory, "*.bpmn").OrderBy(f => f, StringComparer.Ordinal);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name + ".bpmn"));

    public static readonly string[] Executable = ["C.1.1", "C.3.0", "C.8.1", "C.9.0", "C.9.1", "C.9.2"];
}
