namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// Dates people enter (an introduction, a move-in) and extensions in months, as moments a workflow waits for. A
/// calendar day lasts <see cref="WorkflowOptions.CalendarDay"/>: a real day in production, seconds in a demo or a test,
/// so a whole placement can be walked through while its dates still read as dates.
/// </summary>
internal sealed class Calendar(WorkflowOptions options)
{
    private double Scale => options.CalendarDay / TimeSpan.FromDays(1);

    /// <summary>The moment <paramref name="day"/> begins, seen from <paramref name="now"/>; a day already begun is now.</summary>
    public DateTime Start(DateOnly day, DateTime now)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return midnight <= now ? now : now + ((midnight - now) * Scale);
    }

    /// <summary>How long <paramref name="months"/> months last from the date of <paramref name="from"/>.</summary>
    public TimeSpan Months(DateTime from, int months)
    {
        var day = DateOnly.FromDateTime(from);
        return options.CalendarDay * (day.AddMonths(months).DayNumber - day.DayNumber);
    }
}
