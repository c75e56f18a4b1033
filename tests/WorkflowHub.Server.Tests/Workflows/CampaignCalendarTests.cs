using WorkflowHub.Campaign.Plan;
using WorkflowHub.Campaign.Workflows.CampaignProcess;

namespace WorkflowHub.Server.Tests.Workflows;

/// <summary><c>Campaign:TimeScale</c>: the plan's own dates at 1, the plan replayed from the start in proportion above 1.</summary>
public sealed class CampaignCalendarTests
{
    private static readonly TimeSpan City = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset StartedAt = new(2026, 11, 28, 9, 0, 0, TimeSpan.Zero);

    private static CampaignPlan Plan() => CampaignPlanLoader.LoadFromFile(Path.Combine(AppContext.BaseDirectory, "workflows", "campaign-plan.json"));

    [Fact]
    public void At_scale_one_the_process_waits_for_the_plans_own_dates()
    {
        var variables = CampaignProcessVariables.Build(Plan(), new CampaignCalendar(new DateOnly(2020, 6, 1), 1, StartedAt));

        Assert.Equal("2020-06-30T16:00:00Z", variables["filingDeadline"]);
        Assert.Equal("2020-06-30T16:00:00Z", variables["phase2Start"]);
        Assert.Equal("2020-12-31T16:00:00Z", variables["phase3Start"]);
        Assert.Equal("2021-12-31T16:00:00Z", variables["phase4Start"]);
        Assert.Equal("2022-12-31T16:00:00Z", variables["campaignEnd"]);
        Assert.Equal("R/P1D", variables["reminderCycle"]);
        var q3 = ((List<Dictionary<string, object?>>)variables["phase2Quarters"]!)[0];
        Assert.Equal("2020-09-30T16:00:00Z", q3["due"]);
    }

    [Fact]
    public void At_scale_1440_a_plan_day_passes_in_a_minute_from_the_start()
    {
        var calendar = new CampaignCalendar(new DateOnly(2020, 6, 1), 1440, StartedAt);
        var variables = CampaignProcessVariables.Build(Plan(), calendar);

        Assert.Equal(StartedAt, calendar.Anchor);
        // 1 June to 1 July is 30 plan days: 30 minutes after the start.
        Assert.Equal(CampaignCalendar.Iso(StartedAt.AddMinutes(30)), variables["phase2Start"]);
        // 1 June 2020 to 1 January 2023 is 944 plan days.
        Assert.Equal(CampaignCalendar.Iso(StartedAt.AddMinutes(944)), variables["campaignEnd"]);
        Assert.Equal("R/PT60S", variables["reminderCycle"]);
        Assert.Equal(calendar.StartOf(new DateOnly(2020, 7, 1)), calendar.EndOf(new DateOnly(2020, 6, 30)));
    }

    [Fact]
    public void A_scale_below_one_is_refused_and_a_huge_scale_keeps_reminders_at_a_second()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CampaignCalendar(new DateOnly(2020, 6, 1), 0.5, StartedAt));
        Assert.Equal("R/PT1S", new CampaignCalendar(new DateOnly(2020, 6, 1), 10_000_000, StartedAt).Cycle(TimeSpan.FromDays(1)));
        Assert.Equal(new DateTimeOffset(2020, 6, 1, 0, 0, 0, City), new CampaignCalendar(new DateOnly(2020, 6, 1), 1, StartedAt).Anchor);
    }
}
