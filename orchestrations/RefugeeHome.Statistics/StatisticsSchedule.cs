using RefugeeHome.Storage;

namespace RefugeeHome.Statistics;

/// <summary>When the nightly report runs (<c>Statistics__Schedule</c> in <c>Statistics__TimeZone</c>), and which day a run reports.</summary>
public sealed class StatisticsSchedule
{
    private readonly CronSchedule _schedule;

    /// <summary>Parses the schedule; a bad expression or time zone fails with the setting's name.</summary>
    public StatisticsSchedule(StatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _schedule = new CronSchedule(options.Schedule, options.TimeZone, "Statistics__Schedule");
    }

    /// <summary>The first run strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after) => _schedule.NextAfter(after);

    /// <summary>The last run due at or before <paramref name="now"/>, if one was due in the week before it.</summary>
    public DateTimeOffset? LatestUpTo(DateTimeOffset now) => _schedule.LatestUpTo(now);

    /// <summary>The day a run at <paramref name="runAt"/> reports on: the local day that ended before it.</summary>
    public DateOnly ReportDateOf(DateTimeOffset runAt) => _schedule.LocalDate(runAt).AddDays(-1);
}
