using WorkflowHub.Engine;
using WorkflowHub.Engine.Persistence.InMemory;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary>The .bpmn files the server deploys at start-up, checked by the engine itself without a server.</summary>
public sealed class CampaignWorkflowFilesTests
{
    private static IEnumerable<string> FileNames() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.bpmn").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

    public static TheoryData<string> Files() => new(FileNames());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Each_campaign_workflow_deploys_without_errors(string file)
    {
        var engine = new WorkflowEngine(new InMemoryEngineStore());
        var xml = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", file));

        var (errors, _) = engine.Validate(xml);
        var result = await engine.DeployAsync(xml);

        Assert.Empty(errors);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), result.Key);
    }

    [Fact]
    public void All_six_campaign_workflows_are_there()
    {
        var keys = FileNames().Select(Path.GetFileNameWithoutExtension).ToHashSet();

        Assert.Superset(new HashSet<string?> { "accountability-referral", "campaign", "hazard-rectification", "interview", "plan-filing", "target-progress" }, keys);
    }
}
