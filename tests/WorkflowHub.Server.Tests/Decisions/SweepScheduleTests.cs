using WorkflowHub.Campaign.Decisions;

namespace WorkflowHub.Server.Tests.Decisions;

/// <summary>When the daily sweep runs: the configured local time, the next day once it has passed.</summary>
public sealed class SweepScheduleTests
{
    [Fact]
    public void The_default_is_two_in_the_morning_city_time()
    {
        var options = new DecisionsOptions();

        // 01:00 local on 10 June (17:00 UTC on the 9th): the sweep is an hour away.
        var next = options.NextSweepAfter(new DateTimeOffset(2020, 6, 9, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2020, 6, 10, 2, 0, 0, TimeSpan.FromHours(8)), next);
    }

    [Fact]
    public void Once_the_time_has_passed_the_next_sweep_is_tomorrow()
    {
        var options = new DecisionsOptions { SweepAt = "02:00" };

        var next = options.NextSweepAfter(new DateTimeOffset(2020, 6, 10, 2, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(new DateTimeOffset(2020, 6, 11, 2, 0, 0, TimeSpan.FromHours(8)), next);
    }

    [Fact]
    public void Another_offset_is_honoured()
    {
        var options = new DecisionsOptions { SweepAt = "23:30 -05:00" };

        var next = options.NextSweepAfter(new DateTimeOffset(2020, 6, 10, 0, 0, 0, TimeSpan.Zero));

        // Midnight UTC is 19:00 the evening before in -05:00, so the sweep is that same evening.
        Assert.Equal(new DateTimeOffset(2020, 6, 9, 23, 30, 0, TimeSpan.FromHours(-5)), next);
    }

    [Theory]
    [InlineData("2am")]
    [InlineData("25:00")]
    [InlineData("02:00 8")]
    public void A_malformed_setting_is_refused(string value)
    {
        var options = new DecisionsOptions { SweepAt = value };

        Assert.Throws<FormatException>(() => options.NextSweepAfter(DateTimeOffset.UnixEpoch));
    }
}
