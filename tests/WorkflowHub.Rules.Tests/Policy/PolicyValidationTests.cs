using System.Text.Json.Nodes;
using WorkflowHub.Rules.Policy;
using WorkflowHub.Rules.Tests.Support;

namespace WorkflowHub.Rules.Tests.Policy;

public sealed class PolicyValidationTests
{
    [Fact]
    public void The_shipped_policy_file_is_valid_and_is_what_the_library_embeds()
    {
        var fromFile = RulePolicy.Parse(Policies.DefaultJson());
        var embedded = RulePolicy.LoadDefault();

        Assert.Equal(fromFile.Version, embedded.Version);
        Assert.Equal(1, embedded.Version.Number);
        Assert.Equal(7, embedded.GeneralHazard.SupervisionAfterDaysOverdue);
        Assert.Equal(0.1m, embedded.Target.BehindToleranceRatio);
    }

    [Fact]
    public void Negative_days_are_refused_naming_the_field()
    {
        var ok = RulePolicy.TryParse(Policies.JsonWith(PolicyKeys.GeneralSupervisionAfterDaysOverdue, -1), out var policy, out var errors);

        Assert.False(ok);
        Assert.Null(policy);
        var error = Assert.Single(errors);
        Assert.Equal("generalHazard.supervisionAfterDaysOverdue", error.Field);
        Assert.Equal("generalHazard.supervisionAfterDaysOverdue must be ≥ 0", error.Message);
    }

    [Fact]
    public void A_missing_key_is_refused_naming_the_field()
    {
        var exception = Assert.Throws<PolicyValidationException>(() => RulePolicy.Parse(Policies.JsonWithout(PolicyKeys.DepartmentInterviewWindowDays)));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("department.interviewWindowDays", error.Field);
        Assert.Contains("department.interviewWindowDays is missing", exception.Message);
    }

    [Fact]
    public void A_missing_section_names_every_key_it_held()
    {
        var root = JsonNode.Parse(Policies.DefaultJson())!.AsObject();
        root.Remove("majorHazard");

        Assert.False(RulePolicy.TryParse(root.ToJsonString(), out _, out var errors));
        Assert.Equal(
            [PolicyKeys.MajorInterviewAfterDaysOverdue, PolicyKeys.MajorUnresolvedDaysForAccountability],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(PolicyKeys.AcceptanceRejectionsForInterview, "0", "acceptance.rejectionsForInterview must be ≥ 1")]
    [InlineData(PolicyKeys.TargetBehindToleranceRatio, "1.5", "target.behindToleranceRatio must be ≥ 0 and < 1")]
    [InlineData(PolicyKeys.TargetBehindToleranceRatio, "-0.1", "target.behindToleranceRatio must be ≥ 0 and < 1")]
    [InlineData(PolicyKeys.MajorUnresolvedDaysForAccountability, "2.5", "majorHazard.unresolvedDaysForAccountability must be a whole number of days (≤ 36500)")]
    [InlineData(PolicyKeys.TaskReminderAfterDaysOverdue, "\"3\"", "task.reminderAfterDaysOverdue must be a number")]
    [InlineData(PolicyKeys.CalendarUtcOffsetHours, "20", "calendar.utcOffsetHours must be a whole number of hours from -12 to 14")]
    public void Out_of_range_values_are_refused_naming_the_field(string key, string value, string message)
    {
        Assert.False(RulePolicy.TryParse(Policies.JsonWith(key, JsonNode.Parse(value)), out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal(key, error.Field);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void An_unknown_key_is_refused_so_typos_do_not_pass_silently()
    {
        Assert.False(RulePolicy.TryParse(Policies.JsonWith("generalHazard.remindAfterDays", 3), out _, out var errors));

        Assert.Equal("generalHazard.remindAfterDays", Assert.Single(errors).Field);
    }

    [Fact]
    public void Ladder_thresholds_out_of_order_are_refused()
    {
        Assert.False(RulePolicy.TryParse(Policies.JsonWith(PolicyKeys.GeneralInterviewAfterDaysOverdue, 5), out _, out var errors));

        var error = Assert.Single(errors);
        Assert.Equal(PolicyKeys.GeneralInterviewAfterDaysOverdue, error.Field);
        Assert.Equal("generalHazard.interviewAfterDaysOverdue must be ≥ generalHazard.supervisionAfterDaysOverdue", error.Message);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"version\": 0}")]
    public void Malformed_documents_are_refused(string json)
    {
        Assert.False(RulePolicy.TryParse(json, out _, out var errors));
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Canonical_json_round_trips_to_the_same_version()
    {
        var policy = RulePolicy.LoadDefault();

        var again = RulePolicy.Parse(policy.ToJson());

        Assert.Equal(policy.Version, again.Version);
        foreach (var key in PolicyKeys.All)
        {
            Assert.Equal(policy[key.Path], again[key.Path]);
        }
    }

    [Fact]
    public void The_content_hash_changes_with_any_value_and_not_with_formatting()
    {
        var original = RulePolicy.LoadDefault();
        var edited = Policies.With(PolicyKeys.TargetBehindToleranceRatio, 0.2m);
        var reformatted = RulePolicy.Parse(JsonNode.Parse(Policies.DefaultJson())!.ToJsonString());

        Assert.NotEqual(original.Version.ContentHash, edited.Version.ContentHash);
        Assert.Equal(original.Version.ContentHash, reformatted.Version.ContentHash);
        Assert.Equal(original.Version.ContentHash, original.WithVersionNumber(7).Version.ContentHash);
        Assert.Equal(7, original.WithVersionNumber(7).Version.Number);
    }
}
