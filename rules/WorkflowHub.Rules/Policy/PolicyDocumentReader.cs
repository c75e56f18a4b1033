using System.Text.Json;

namespace WorkflowHub.Rules.Policy;

/// <summary>
/// Reads and checks a policy document by hand, so each refusal names its field in the words an
/// admin edits ("generalHazard.supervisionAfterDaysOverdue must be ≥ 0").
/// </summary>
internal static class PolicyDocumentReader
{
    internal sealed record Result(int VersionNumber, IReadOnlyDictionary<string, decimal> Values, IReadOnlyList<PolicyError> Errors);

    public static Result Read(string json)
    {
        var errors = new List<PolicyError>();
        var values = new Dictionary<string, decimal>(StringComparer.Ordinal);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return new Result(0, values, [new PolicyError("$", $"The policy is not valid JSON: {ex.Message}")]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new Result(0, values, [new PolicyError("$", "The policy must be a JSON object.")]);
            }

            var version = ReadVersion(root, errors);
            foreach (var key in PolicyKeys.All)
            {
                ReadKey(root, key, values, errors);
            }

            ReportUnknownKeys(root, errors);
            if (errors.Count == 0)
            {
                CheckLadderOrder(values, errors);
            }

            return new Result(version, values, errors);
        }
    }

    private static int ReadVersion(JsonElement root, List<PolicyError> errors)
    {
        if (!root.TryGetProperty("version", out var element))
        {
            errors.Add(new PolicyError("version", "version is missing"));
            return 0;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var version) || version < 1)
        {
            errors.Add(new PolicyError("version", "version must be a whole number ≥ 1"));
            return 0;
        }

        return version;
    }

    private static void ReadKey(JsonElement root, PolicyKeyDefinition key, Dictionary<string, decimal> values, List<PolicyError> errors)
    {
        var (section, name) = RulePolicy.Split(key.Path);
        if (!root.TryGetProperty(section, out var sectionElement) || sectionElement.ValueKind != JsonValueKind.Object
            || !sectionElement.TryGetProperty(name, out var element))
        {
            errors.Add(new PolicyError(key.Path, $"{key.Path} is missing"));
            return;
        }

        if (element.ValueKind != JsonValueKind.Number || !element.TryGetDecimal(out var value))
        {
            errors.Add(new PolicyError(key.Path, $"{key.Path} must be a number"));
            return;
        }

        var problem = key.Kind switch
        {
            PolicyValueKind.Days when value < 0 => "must be ≥ 0",
            PolicyValueKind.Days when value != decimal.Truncate(value) || value > 36500 => "must be a whole number of days (≤ 36500)",
            PolicyValueKind.Count when value < 1 => "must be ≥ 1",
            PolicyValueKind.Count when value != decimal.Truncate(value) || value > 10000 => "must be a whole number (≤ 10000)",
            PolicyValueKind.Ratio when value is < 0 or >= 1 => "must be ≥ 0 and < 1",
            PolicyValueKind.UtcOffsetHours when value != decimal.Truncate(value) || value is < -12 or > 14 => "must be a whole number of hours from -12 to 14",
            _ => null,
        };
        if (problem is not null)
        {
            errors.Add(new PolicyError(key.Path, $"{key.Path} {problem}"));
            return;
        }

        values[key.Path] = value;
    }

    private static void ReportUnknownKeys(JsonElement root, List<PolicyError> errors)
    {
        foreach (var section in root.EnumerateObject())
        {
            if (section.Name == "version")
            {
                continue;
            }

            if (section.Value.ValueKind != JsonValueKind.Object)
            {
                if (!PolicyKeys.All.Any(k => k.Path.StartsWith(section.Name + ".", StringComparison.Ordinal)))
                {
                    errors.Add(new PolicyError(section.Name, $"{section.Name} is not a policy key"));
                }

                continue;
            }

            foreach (var property in section.Value.EnumerateObject())
            {
                var path = $"{section.Name}.{property.Name}";
                if (PolicyKeys.Find(path) is null)
                {
                    errors.Add(new PolicyError(path, $"{path} is not a policy key"));
                }
            }
        }
    }

    /// <summary>A ladder whose rungs come out of order would skip straight past a rung.</summary>
    private static void CheckLadderOrder(Dictionary<string, decimal> values, List<PolicyError> errors)
    {
        if (values[PolicyKeys.GeneralSupervisionAfterDaysOverdue] < values[PolicyKeys.GeneralReminderAfterDaysOverdue])
        {
            errors.Add(new PolicyError(
                PolicyKeys.GeneralSupervisionAfterDaysOverdue,
                $"{PolicyKeys.GeneralSupervisionAfterDaysOverdue} must be ≥ {PolicyKeys.GeneralReminderAfterDaysOverdue}"));
        }

        if (values[PolicyKeys.GeneralInterviewAfterDaysOverdue] < values[PolicyKeys.GeneralSupervisionAfterDaysOverdue])
        {
            errors.Add(new PolicyError(
                PolicyKeys.GeneralInterviewAfterDaysOverdue,
                $"{PolicyKeys.GeneralInterviewAfterDaysOverdue} must be ≥ {PolicyKeys.GeneralSupervisionAfterDaysOverdue}"));
        }
    }
}
