namespace RefugeeHome.Workflows;

/// <summary>
/// Who the workflows write to and how long they wait (<c>Workflows__*</c>). Every wait has a reminder and an
/// escalation to <see cref="SupervisorEmail"/>, so nothing stalls silently.
/// </summary>
public sealed class WorkflowOptions
{
    /// <summary>The settings section.</summary>
    public const string Section = "Workflows";

    /// <summary>The screener, who records interviews and checks VOGs.</summary>
    public string ScreenerEmail { get; set; } = "screening@refugeehome.localhost";

    /// <summary>Where late steps and urgent signals escalate to.</summary>
    public string SupervisorEmail { get; set; } = "supervisor@refugeehome.localhost";

    /// <summary>The matcher, who approves match proposals.</summary>
    public string MatcherEmail { get; set; } = "matching@refugeehome.localhost";

    /// <summary>The connector, who schedules introductions and records their outcome, departures and early ends.</summary>
    public string ConnectorEmail { get; set; } = "connector@refugeehome.localhost";

    /// <summary>The supporter, who visits in the first week.</summary>
    public string SupporterEmail { get; set; } = "support@refugeehome.localhost";

    /// <summary>Language of the emails to staff and municipalities.</summary>
    public string StaffLanguage { get; set; } = "nl";

    /// <summary>How long a question link stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a household's withdraw or early-end link stays valid.</summary>
    public TimeSpan StandingLinkLifetime { get; set; } = TimeSpan.FromDays(730);

    /// <summary>When a waiting person is reminded.</summary>
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>When a wait escalates to the supervisor, and how often it escalates again while it lasts.</summary>
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a host has to upload a VOG before the journey lapses.</summary>
    public TimeSpan VogDeadline { get; set; } = TimeSpan.FromDays(56);

    /// <summary>How often a host waiting for a VOG is reminded.</summary>
    public TimeSpan VogReminderEvery { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often an available host is asked whether the offer still stands.</summary>
    public TimeSpan AvailabilityCheckEvery { get; set; } = TimeSpan.FromDays(28);

    /// <summary>How long after the availability question a host is reminded; as long again without answer pauses the host.</summary>
    public TimeSpan AvailabilityReminderAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How many proposals the daily round makes at most per waiting household: its assigned host, then alternatives
    /// from the hosts nobody else was proposed.
    /// </summary>
    public int ProposalCount { get; set; } = 5;

    /// <summary>How many households the matcher's email lists with their proposals; the round's page lists them all.</summary>
    public int HouseholdsInEmail { get; set; } = 20;

    /// <summary>How long a day's round and its page are kept; its links are replaced by the next round anyway.</summary>
    public TimeSpan RoundsKeptFor { get; set; } = TimeSpan.FromDays(14);

    /// <summary>From how long a wait a household is listed in the matcher's daily overview even when hosts fit.</summary>
    public TimeSpan LongWaitAfter { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// When the round of matching runs and the matcher gets the overview: five-field CRON in <see cref="TimeZone"/>. A
    /// coordinator can also start a round at any time.
    /// </summary>
    public string MatchingSchedule { get; set; } = "0 7 * * *";

    /// <summary>Time zone of <see cref="MatchingSchedule"/>.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>
    /// How long a calendar day lasts for the dates people enter (introduction, move-in) and for extensions in months: a
    /// day in production; seconds for a demo or a test, which then walk a placement in minutes.
    /// </summary>
    public TimeSpan CalendarDay { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long after the introduction date the connector is reminded to record its outcome.</summary>
    public TimeSpan OutcomeReminderAfterIntroduction { get; set; } = TimeSpan.FromDays(2);

    /// <summary>When the first-week visit report is due after move-in.</summary>
    public TimeSpan VisitDueAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a placement lasts before its review decides on an extension.</summary>
    public TimeSpan PlacementLength { get; set; } = TimeSpan.FromDays(91);

    /// <summary>How long before the end host and guest are asked about an extension.</summary>
    public TimeSpan ReviewLead { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Housing component per adult per month: the most a host may ask as voluntary contribution.</summary>
    public decimal HousingComponentPerAdult { get; set; } = 215;

    /// <summary>Housing component per minor per month.</summary>
    public decimal HousingComponentPerMinor { get; set; } = 55;

    /// <summary>How long a finished household's personal data is kept.</summary>
    public TimeSpan RetainAfterEnd { get; set; } = TimeSpan.FromDays(365);
}
