using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorkflowHub.Campaign.Tests.Plan;

/// <summary>The real plan as a JSON tree, so a test can break one thing in an otherwise valid document.</summary>
internal static class PlanDocument
{
    private static readonly Lazy<string> Text = new(() => File.ReadAllText(RepositoryFiles.CampaignPlanPath));

    public static string Original => Text.Value;

    public static string With(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Text.Value)!.AsObject();
        change(root);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static JsonObject Area(JsonObject plan, string code) =>
        plan["areas"]!.AsArray().Single(a => (string?)a!["code"] == code)!.AsObject();

    public static int AreaIndex(JsonObject plan, string code) =>
        plan["areas"]!.AsArray().Select((a, i) => (a, i)).Single(x => (string?)x.a!["code"] == code).i;

    public static int TargetIndex(JsonObject area, string code) =>
        area["targets"]!.AsArray().Select((t, i) => (t, i)).Single(x => (string?)x.t!["code"] == code).i;
}
