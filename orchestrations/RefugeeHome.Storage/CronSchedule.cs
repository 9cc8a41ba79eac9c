using Cronos;

namespace RefugeeHome.Storage;

/// <summary>
/// A five-field CRON schedule in a time zone, for work done at set local times (the ministry's report, the round of
/// matching). A local time that a daylight-saving change skips comes right after the change, and one that the change
/// repeats comes once.
/// </summary>
public sealed class CronSchedule
{
    // How far back the latest time is looked for: a little over a week covers every weekly or daily schedule.
    private static readonly TimeSpan LookBack = TimeSpan.FromDays(8);

    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    /// <summary>Parses the schedule; a bad expression or time zone fails with the name of <paramref name="setting"/>.</summary>
    public CronSchedule(string expression, string timeZone, string setting)
    {
        try
        {
            _expression = CronExpression.Parse(expression);
        }
        catch (CronFormatException exception)
        {
            throw new ArgumentException($"{setting} '{expression}' is not a five-field CRON expression: {exception.Message}", nameof(expression), exception);
        }

        _zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
    }

    /// <summary>The first time strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after) =>
        _expression.GetNextOccurrence(after, _zone) ?? throw new InvalidOperationException("The schedule never fires.");

    /// <summary>The last time at or before <paramref name="now"/> in the week before it, if any.</summary>
    public DateTimeOffset? LatestUpTo(DateTimeOffset now) =>
        _expression.GetOccurrences(now - LookBack, now, _zone, fromInclusive: true, toInclusive: true).Cast<DateTimeOffset?>().LastOrDefault();

    /// <summary>The local date of <paramref name="moment"/> in the schedule's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, _zone).DateTime);
}
