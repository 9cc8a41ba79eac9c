using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RefugeeHome.Triggers.Approvals;
using RefugeeHome.Triggers.Matching;
using RefugeeHome.Triggers.Statistics;

namespace RefugeeHome.Triggers;

/// <summary>A piece of work a timer starts: it asks whether its work is due, and does what is due once however often it is asked.</summary>
/// <param name="Name">The name of its timer function.</param>
/// <param name="RunAsync">Does what is due.</param>
public sealed record TimerJob(string Name, Func<IServiceProvider, DurableTaskClient, CancellationToken, Task> RunAsync);

/// <summary>
/// The work timers start, in both hosts: the Functions app has a timer trigger of each name, the runner ticks them all.
/// Each host ticks often and the job's schedule, in its own time zone, says what is due, so Azure's UTC timers and
/// daylight saving agree.
/// </summary>
public static class TimerJobs
{
    /// <summary>The ministry's nightly report.</summary>
    public const string Statistics = "StatisticsTimer";

    /// <summary>The morning round of matching.</summary>
    public const string MatchingRounds = "MatchingRoundTimer";

    /// <summary>The sweep of answers recorded on their links that never reached their workflow.</summary>
    public const string UnheardAnswers = "UnheardAnswersTimer";

    /// <summary>How often the Functions app's timers tick (six-field NCRONTAB): every five minutes.</summary>
    public const string FunctionsTick = "0 */5 * * * *";

    /// <summary>Every job.</summary>
    public static IReadOnlyList<TimerJob> All { get; } =
    [
        new(Statistics, (services, _, cancellation) => services.GetRequiredService<StatisticsTriggers>().OnTimerAsync(cancellation)),
        new(MatchingRounds, (services, workflows, cancellation) => services.GetRequiredService<MatchingRoundStarts>().OnTimerAsync(workflows, cancellation)),
        new(UnheardAnswers, (services, workflows, cancellation) => services.GetRequiredService<UnheardAnswerSweep>().OnTimerAsync(workflows, cancellation)),
    ];
}
