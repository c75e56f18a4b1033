using WorkflowHub.Campaign.Features.Definitions;

namespace WorkflowHub.Server.Pages.Tasks;

/// <summary>What a page shows for a workflow: the process's name from its diagram (实施方案备案), its key only if it has none.</summary>
public static class WorkflowNames
{
    public static string NameOf(this IReadOnlyList<DefinitionSummary> workflows, string key) =>
        workflows.FirstOrDefault(workflow => workflow.Key == key)?.Name ?? key;
}
