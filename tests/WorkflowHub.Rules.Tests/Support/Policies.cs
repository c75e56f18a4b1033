using System.Text.Json.Nodes;
using WorkflowHub.Rules.Policy;

namespace WorkflowHub.Rules.Tests.Support;

/// <summary>The shipped policy file, read from the repository so tests also check what admins start from.</summary>
internal static class Policies
{
    public static string DefaultPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "rules", "policy.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        // The artifacts path may sit outside the repository: fall back to the source tree this file came from.
        return Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "..", "rules", "policy.json"));
    }

    public static string DefaultJson() => File.ReadAllText(DefaultPath());

    /// <summary>The shipped document with one key ("section.name") set to a JSON value.</summary>
    public static string JsonWith(string key, JsonNode? value)
    {
        var root = JsonNode.Parse(DefaultJson())!.AsObject();
        var (section, name) = SplitKey(key);
        root[section]![name] = value;
        return root.ToJsonString();
    }

    public static string JsonWithout(string key)
    {
        var root = JsonNode.Parse(DefaultJson())!.AsObject();
        var (section, name) = SplitKey(key);
        root[section]!.AsObject().Remove(name);
        return root.ToJsonString();
    }

    public static RulePolicy With(string key, decimal value) => RulePolicy.Parse(JsonWith(key, JsonValue.Create(value)));

    public static RulePolicy With(params (string Key, decimal Value)[] changes)
    {
        var root = JsonNode.Parse(DefaultJson())!.AsObject();
        foreach (var (key, value) in changes)
        {
            var (section, name) = SplitKey(key);
            root[section]![name] = value;
        }

        return RulePolicy.Parse(root.ToJsonString());
    }

    private static (string Section, string Name) SplitKey(string key)
    {
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        return (key[..dot], key[(dot + 1)..]);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path)!;
}
