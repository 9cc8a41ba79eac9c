using System.ComponentModel.DataAnnotations;
using RefugeeHome.Storage;

namespace RefugeeHome.Workflows;

/// <summary>
/// Who the workflows write to and how long they wait (<c>Workflows__*</c>), checked when the host starts: a setting that
/// would stall or break a workflow years later stops the host now with its name. Every wait has a reminder and an
/// escalation to <see cref="SupervisorEmail"/>, so nothing stalls silently.
/// </summary>
public sealed class WorkflowOptions : IValidatableObject
{
    // The longest a placement, a retention or any date a workflow tells may reach ahead, in calendar days.
    private const int LongestDays = 3_650;
    /// <summary>The settings section.</summary>
    public const string Section = "Workflows";

    /// <summary>The screener, who records interviews and checks VOGs.</summary>
    [Required]
    [EmailAddress]
    public string ScreenerEmail { get; set; } = "screening@refugeehome.localhost";

    /// <summary>Where late steps and urgent signals escalate to.</summary>
    [Required]
    [EmailAddress]
    public string SupervisorEmail { get; set; } = "supervisor@refugeehome.localhost";

    /// <summary>The matcher, who approves match proposals.</summary>
    [Required]
    [EmailAddress]
    public string MatcherEmail { get; set; } = "matching@refugeehome.localhost";

    /// <summary>The connector, who schedules introductions and records their outcome, departures and early ends.</summary>
    [Required]
    [EmailAddress]
    public string ConnectorEmail { get; set; } = "connector@refugeehome.localhost";

    /// <summary>The supporter, who visits in the first week.</summary>
    [Required]
    [EmailAddress]
    public string SupporterEmail { get; set; } = "support@refugeehome.localhost";

    /// <summary>Language of the emails to staff and municipalities.</summary>
    [AllowedValues("nl", "en", "uk", "ru")]
    public string StaffLanguage { get; set; } = "nl";

    /// <summary>How long a question link stays valid.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a household's withdraw or early-end link stays valid.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan StandingLinkLifetime { get; set; } = TimeSpan.FromDays(730);

    /// <summary>When a waiting person is reminded.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>When a wait escalates to the supervisor, and how often it escalates again while it lasts.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a host has to upload a VOG before the journey lapses.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan VogDeadline { get; set; } = TimeSpan.FromDays(56);

    /// <summary>How often a host waiting for a VOG is reminded.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan VogReminderEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often an available host is asked whether the offer still stands.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan AvailabilityCheckEvery { get; set; } = TimeSpan.FromDays(28);

    /// <summary>How long after the availability question a host is reminded; as long again without answer pauses the host.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan AvailabilityReminderAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How many proposals the daily round makes at most per waiting household: its assigned host, then alternatives
    /// from the hosts nobody else was proposed.
    /// </summary>
    [Range(1, 20)]
    public int ProposalCount { get; set; } = 5;

    /// <summary>How many households the matcher's email lists with their proposals; the round's page lists them all.</summary>
    [Range(1, 500)]
    public int HouseholdsInEmail { get; set; } = 20;

    /// <summary>How long a day's round and its page are kept; its links are replaced by the next round anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan RoundsKeptFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>From how long a wait a household is listed in the matcher's daily overview even when hosts fit.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan LongWaitAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// When the round of matching runs and the matcher gets the overview: five-field CRON in <see cref="TimeZone"/>. A
    /// coordinator can also start a round at any time.
    /// </summary>
    [Required]
    public string MatchingSchedule { get; set; } = "0 7 * * *";

    /// <summary>Time zone of <see cref="MatchingSchedule"/>.</summary>
    [Required]
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>
    /// How long a calendar day lasts for the dates people enter (introduction, move-in) and for extensions in months: a
    /// day in production; seconds for a demo or a test, which then walk a placement in minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan CalendarDay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long after the introduction date the connector is reminded to record its outcome.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan OutcomeReminderAfterIntroduction { get; set; } = TimeSpan.FromDays(2);

    /// <summary>When the first-week visit report is due after move-in.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan VisitDueAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a placement lasts before its review decides on an extension.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan PlacementLength { get; set; } = TimeSpan.FromDays(91);

    /// <summary>How long before the end host and guest are asked about an extension.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan ReviewLead { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Housing component per adult per month: the most a host may ask as voluntary contribution.</summary>
    [Range(typeof(decimal), "0", "10000")]
    public decimal HousingComponentPerAdult { get; set; } = 215;

    /// <summary>Housing component per minor per month.</summary>
    [Range(typeof(decimal), "0", "10000")]
    public decimal HousingComponentPerMinor { get; set; } = 55;

    /// <summary>How long a finished household's personal data is kept.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "3650.00:00:00")]
    public TimeSpan RetainAfterEnd { get; set; } = TimeSpan.FromDays(365);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (EscalateAfter <= ReminderAfter)
        {
            yield return new ValidationResult("Workflows__EscalateAfter must be longer than Workflows__ReminderAfter: the reminder comes first.",
                [nameof(EscalateAfter), nameof(ReminderAfter)]);
        }

        if (ReviewLead >= PlacementLength)
        {
            yield return new ValidationResult("Workflows__ReviewLead must be shorter than Workflows__PlacementLength: the review comes before the end.",
                [nameof(ReviewLead), nameof(PlacementLength)]);
        }

        if (PlacementLength / CalendarDay > LongestDays)
        {
            yield return new ValidationResult(
                $"Workflows__PlacementLength is more than {LongestDays} calendar days of Workflows__CalendarDay ({CalendarDay}); shorten both together.",
                [nameof(PlacementLength), nameof(CalendarDay)]);
        }

        var (schedule, problem) = ScheduleProblem();
        if (problem is not null)
        {
            yield return new ValidationResult(problem, [schedule]);
        }
    }

    private (string Member, string? Problem) ScheduleProblem()
    {
        try
        {
            _ = new CronSchedule(MatchingSchedule, TimeZone, "Workflows__MatchingSchedule");
            return (nameof(MatchingSchedule), null);
        }
        catch (ArgumentException exception)
        {
            return (nameof(MatchingSchedule), exception.Message);
        }
        catch (TimeZoneNotFoundException)
        {
            return (nameof(TimeZone), $"Workflows__TimeZone '{TimeZone}' is not a time zone this machine knows.");
        }
    }
}
