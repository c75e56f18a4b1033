using WorkflowHub.Campaign.Accounts;
using WorkflowHub.Campaign.Features.Hazards;
using WorkflowHub.Campaign.Tests.Infrastructure;
using WorkflowHub.Campaign.Tests.Spreadsheets;

namespace WorkflowHub.Campaign.Tests.Hazards;

/// <summary>The accident link's own rules: who may link, and which days count as "not in the future" in the city.</summary>
public sealed class LinkHazardToAccidentTests
{
    /// <summary>23:30 UTC on 14 July 2020 is already 07:30 on 15 July in the city (UTC+8).</summary>
    private static readonly DateTimeOffset LateEveningUtc = new(2020, 7, 14, 23, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2020-07-15", true)]
    [InlineData("2020-07-14", true)]
    [InlineData("2020-07-16", false)]
    public void The_accident_day_is_judged_on_the_citys_calendar(string day, bool valid)
    {
        var validator = new LinkHazardToAccidentValidator(new ManualTimeProvider(LateEveningUtc));

        var result = validator.Validate(Command(accidentDate: DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal([nameof(LinkHazardToAccident.AccidentDate)], result.Errors.Select(e => e.PropertyName));
        }
    }

    [Fact]
    public void Every_missing_or_oversized_field_is_named()
    {
        var validator = new LinkHazardToAccidentValidator(new ManualTimeProvider(LateEveningUtc));

        var result = validator.Validate(new LinkHazardToAccident(Guid.NewGuid(), new string('号', 65), default, " ", 0));

        Assert.Equal(
            [nameof(LinkHazardToAccident.AccidentDate), nameof(LinkHazardToAccident.AccidentReference), nameof(LinkHazardToAccident.Description), nameof(LinkHazardToAccident.Version)],
            result.Errors.Select(e => e.PropertyName).Distinct().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("city-committee-office", Roles.CommitteeOffice, true)]
    [InlineData("city-it", Roles.Admin, true)]
    [InlineData("city-fire-rescue", Roles.DepartmentOfficer, true)]
    [InlineData("city-fire-rescue", Roles.DepartmentHead, true)]
    [InlineData("city-emergency", Roles.DepartmentOfficer, false)]
    [InlineData("city-fire-rescue", Roles.Auditor, false)]
    [InlineData("city-fire-rescue", Roles.LocalGovernment, false)]
    [InlineData("city-fire-rescue", Roles.Enterprise, false)]
    public void Only_the_office_administrators_and_the_responsible_department_may_link(string unit, string role, bool allowed) =>
        Assert.Equal(allowed, AccidentLinks.MayLink(new TestUser(unit, role), "city-fire-rescue"));

    [Fact]
    public void A_district_role_does_not_let_a_department_user_link_another_departments_hazard() =>
        Assert.False(AccidentLinks.MayLink(new TestUser("district-daoli", Roles.DepartmentOfficer, Roles.LocalGovernment), "city-fire-rescue"));

    private static LinkHazardToAccident Command(DateOnly accidentDate) =>
        new(Guid.NewGuid(), "哈应急事调〔2020〕7号", accidentDate, "仓库火灾。", 3);
}
