namespace RefugeeHome.Statistics;

/// <summary>Settings of the nightly statistics (<c>Statistics__*</c>).</summary>
public sealed class StatisticsOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Statistics";

    /// <summary>CRON expression (five fields, as the Azure Functions timer trigger reads six with seconds first).</summary>
    public string Schedule { get; set; } = "0 2 * * *";

    /// <summary>IANA time zone the schedule and the report dates follow.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Who receives the report, separated by semicolons.</summary>
    public string Recipients { get; set; } = "";

    /// <summary>Counts from 1 up to this number minus one are shown as "&lt;N"; 0 shows every count as it is.</summary>
    public int SuppressBelow { get; set; }

    /// <summary>How many missed nights one run catches up at most.</summary>
    public int CatchUpDays { get; set; } = 7;

    /// <summary>Blob container of the reports; private.</summary>
    public string Container { get; set; } = "statistics";
}
