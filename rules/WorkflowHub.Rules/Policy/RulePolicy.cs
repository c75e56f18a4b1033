using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace WorkflowHub.Rules.Policy;

/// <summary>
/// Every threshold the rules use, from policy.json. Inserted into each session as a fact, so rules
/// read it in their conditions and no threshold lives in code. Build one with <see cref="Parse"/>.
/// </summary>
public sealed class RulePolicy
{
    private const string DefaultResourceName = "WorkflowHub.Rules.policy.json";

    private readonly IReadOnlyDictionary<string, decimal> values;

    private RulePolicy(int versionNumber, IReadOnlyDictionary<string, decimal> values)
    {
        this.values = values;
        Version = new PolicyVersion(versionNumber, Hash(values));
        Calendar = new CalendarPolicy { UtcOffsetHours = Int(PolicyKeys.CalendarUtcOffsetHours) };
        Task = new TaskPolicy { ReminderAfterDaysOverdue = Int(PolicyKeys.TaskReminderAfterDaysOverdue) };
        GeneralHazard = new GeneralHazardPolicy
        {
            ReminderAfterDaysOverdue = Int(PolicyKeys.GeneralReminderAfterDaysOverdue),
            SupervisionAfterDaysOverdue = Int(PolicyKeys.GeneralSupervisionAfterDaysOverdue),
            InterviewAfterDaysOverdue = Int(PolicyKeys.GeneralInterviewAfterDaysOverdue),
        };
        MajorHazard = new MajorHazardPolicy
        {
            InterviewAfterDaysOverdue = Int(PolicyKeys.MajorInterviewAfterDaysOverdue),
            UnresolvedDaysForAccountability = Int(PolicyKeys.MajorUnresolvedDaysForAccountability),
        };
        Acceptance = new AcceptancePolicy { RejectionsForInterview = Int(PolicyKeys.AcceptanceRejectionsForInterview) };
        Target = new TargetPolicy
        {
            BehindToleranceRatio = values[PolicyKeys.TargetBehindToleranceRatio],
            MissedAgainAfterDays = Int(PolicyKeys.TargetMissedAgainAfterDays),
        };
        Department = new DepartmentPolicy
        {
            InterviewsForReferral = Int(PolicyKeys.DepartmentInterviewsForReferral),
            InterviewWindowDays = Int(PolicyKeys.DepartmentInterviewWindowDays),
        };
        SelfReported = new SelfReportedPolicy
        {
            GuidanceIfRectifiedWithinDays = Int(PolicyKeys.SelfReportedGuidanceIfRectifiedWithinDays),
        };
    }

    public PolicyVersion Version { get; }

    public CalendarPolicy Calendar { get; }

    public TaskPolicy Task { get; }

    public GeneralHazardPolicy GeneralHazard { get; }

    public MajorHazardPolicy MajorHazard { get; }

    public AcceptancePolicy Acceptance { get; }

    public TargetPolicy Target { get; }

    public DepartmentPolicy Department { get; }

    public SelfReportedPolicy SelfReported { get; }

    /// <summary>The value of one key by its dotted path (e.g. "generalHazard.supervisionAfterDaysOverdue").</summary>
    public decimal this[string key] => values[key];

    /// <summary>Parses and validates a policy document; throws <see cref="PolicyValidationException"/> naming every bad field.</summary>
    public static RulePolicy Parse(string json)
    {
        if (!TryParse(json, out var policy, out var errors))
        {
            throw new PolicyValidationException(errors);
        }

        return policy!;
    }

    public static bool TryParse(string json, out RulePolicy? policy, out IReadOnlyList<PolicyError> errors)
    {
        var result = PolicyDocumentReader.Read(json);
        errors = result.Errors;
        policy = errors.Count == 0 ? new RulePolicy(result.VersionNumber, result.Values) : null;
        return policy is not null;
    }

    /// <summary>The policy shipped with the rules (rules/policy.json, embedded at build).</summary>
    public static RulePolicy LoadDefault()
    {
        using var stream = typeof(RulePolicy).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>The same thresholds under another version number (the application's store numbers versions).</summary>
    public RulePolicy WithVersionNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return new RulePolicy(number, values);
    }

    /// <summary>The canonical document: every key, in catalogue order; parsing it gives back an equal policy.</summary>
    public string ToJson()
    {
        var root = new JsonObject { ["version"] = Version.Number };
        foreach (var key in PolicyKeys.All)
        {
            var (section, name) = Split(key.Path);
            if (root[section] is not JsonObject sectionNode)
            {
                sectionNode = [];
                root[section] = sectionNode;
            }

            sectionNode[name] = key.Kind == PolicyValueKind.Ratio ? JsonValue.Create(values[key.Path]) : JsonValue.Create((int)values[key.Path]);
        }

        return root.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    internal static (string Section, string Name) Split(string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        return (path[..dot], path[(dot + 1)..]);
    }

    private static string Hash(IReadOnlyDictionary<string, decimal> values)
    {
        var canonical = new StringBuilder();
        foreach (var key in PolicyKeys.All)
        {
            canonical.Append(key.Path).Append('=').Append(values[key.Path].ToString("0.############", CultureInfo.InvariantCulture)).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private int Int(string key) => (int)values[key];
}
