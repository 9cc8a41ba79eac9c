using Cronos;

namespace RefugeeHome.Statistics;

/// <summary>
/// When the nightly report runs, in the configured time zone: a local time that a daylight-saving change skips runs
/// once right after the change, and one that the change repeats runs once.
/// </summary>
public sealed class StatisticsSchedule
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    /// <summary>Parses the schedule; a bad expression or time zone fails with the setting's name.</summary>
    public StatisticsSchedule(StatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            _expression = CronExpression.Parse(options.Schedule);
        }
        catch (CronFormatException exception)
        {
            throw new ArgumentException($"Statistics__Schedule '{options.Schedule}' is not a five-field CRON expression: {exception.Message}", nameof(options), exception);
        }

        _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    /// <summary>The first run strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after, _zone) ?? throw new InvalidOperationException("The schedule never fires.");

    /// <summary>The day a run at <paramref name="runAt"/> reports on: the local day that ended before it.</summary>
    public DateOnly ReportDateOf(DateTimeOffset runAt) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(runAt, _zone).DateTime).AddDays(-1);
}
