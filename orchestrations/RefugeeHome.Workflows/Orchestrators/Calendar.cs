namespace RefugeeHome.Workflows.Orchestrators;

/// <summary>
/// Dates people enter (an introduction, a move-in), the dates a placement is told (its end, an extension in months), and
/// the moments a workflow waits for. A calendar day lasts <see cref="WorkflowOptions.CalendarDay"/>: a real day in
/// production, seconds in a demo or a test, so a whole placement can be walked through while its dates still add up.
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

    /// <summary>How long it lasts from the start of <paramref name="first"/> to the start of <paramref name="last"/>.</summary>
    public TimeSpan Between(DateOnly first, DateOnly last) => options.CalendarDay * (last.DayNumber - first.DayNumber);

    /// <summary>The date <paramref name="length"/> after <paramref name="day"/>, counted in calendar days.</summary>
    public DateOnly DateAfter(DateOnly day, TimeSpan length) => day.AddDays((int)Math.Round(length / options.CalendarDay));
}
