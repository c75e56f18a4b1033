using WorkflowHub.Campaign.Features.Plan;
using WorkflowHub.Campaign.Plan;

namespace WorkflowHub.Campaign.Tests.Plan;

/// <summary>The restart's shortcut to the plan's code agrees with the full loader, and gives up on anything unusual.</summary>
public sealed class CampaignPlanCodeReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("workflowhub-plan-code-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_real_plan_file_gives_the_code_the_full_loader_binds()
    {
        var plan = CampaignPlanLoader.LoadFromFile(RepositoryFiles.CampaignPlanPath);

        Assert.True(CampaignPlanCodeReader.TryRead(RepositoryFiles.CampaignPlanPath, out var code));

        Assert.Equal(plan.Campaign.Code, code);
        Assert.Equal("three-year-safety-campaign", code);
    }

    [Theory]
    [InlineData("""{ "campaign": { "nameZh": "行动", "code": "plan-2020" } }""", "plan-2020")]
    [InlineData("""{ "Campaign": { "CODE": "plan-2020" } }""", "plan-2020")]
    [InlineData("""{ "campaign": { "nameZh": "行动" } } // a comment""", null)]
    [InlineData("""{ "campaign": { "code": null } }""", null)]
    public void A_plain_code_is_read_in_any_casing_and_a_missing_one_is_null(string json, string? expected)
    {
        Assert.True(CampaignPlanCodeReader.TryRead(Write(json), out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    [InlineData("""{ "campaign": { "code": 7 } }""")]
    [InlineData("""{ "campaign": { "code": "a", "Code": "b" } }""")]
    [InlineData("""{ "campaign": "plan" }""")]
    [InlineData("""{ "phases": [] }""")]
    [InlineData("""[ { "campaign": { "code": "a" } } ]""")]
    [InlineData("""{ "campaign": { "code": "a", } }""")]
    [InlineData("not json")]
    public void Anything_unusual_sends_the_caller_to_the_full_loader(string json)
    {
        Assert.False(CampaignPlanCodeReader.TryRead(Write(json), out _));
    }

    [Fact]
    public void A_missing_file_sends_the_caller_to_the_full_loader()
    {
        Assert.False(CampaignPlanCodeReader.TryRead(Path.Combine(_folder, "absent.json"), out _));
    }
}
