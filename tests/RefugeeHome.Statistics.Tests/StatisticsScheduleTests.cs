using AwesomeAssertions;

namespace RefugeeHome.Statistics.Tests;

public sealed class StatisticsScheduleTests
{
    [Theory]
    [InlineData("0 2 * * *", "2026-03-27", "2026-03-31")]
    [InlineData("30 2 * * *", "2026-03-27", "2026-03-31")]
    [InlineData("0 2 * * *", "2026-10-23", "2026-10-27")]
    [InlineData("30 2 * * *", "2026-10-23", "2026-10-27")]
    public void Daylight_saving_nights_run_once_and_report_each_day_once(string cron, string from, string to)
    {
        var schedule = new StatisticsSchedule(new StatisticsOptions { Schedule = cron });
        var runs = new List<DateTimeOffset>();
        for (var next = schedule.NextAfter(DateTimeOffset.Parse(from + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
             next < DateTimeOffset.Parse(to + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
             next = schedule.NextAfter(next))
        {
            runs.Add(next);
        }

        runs.Should().HaveCount(4, "one run a night over four nights, the change of clocks included");
        runs.Select(schedule.ReportDateOf).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
    }

    [Fact]
    public void The_default_runs_at_two_in_the_night_Amsterdam_time()
    {
        var schedule = new StatisticsSchedule(new StatisticsOptions());

        var next = schedule.NextAfter(new DateTimeOffset(2026, 7, 1, 12, 0, 0, TimeSpan.Zero));

        next.Should().Be(new DateTimeOffset(2026, 7, 2, 0, 0, 0, TimeSpan.Zero), "02:00 in summer time is 00:00 UTC");
        schedule.ReportDateOf(next).Should().Be(new DateOnly(2026, 7, 1));
    }

    [Fact]
    public void A_malformed_schedule_names_the_setting()
    {
        var parse = () => new StatisticsSchedule(new StatisticsOptions { Schedule = "every night" });

        parse.Should().Throw<ArgumentException>().WithMessage("*Statistics__Schedule*");
    }
}
