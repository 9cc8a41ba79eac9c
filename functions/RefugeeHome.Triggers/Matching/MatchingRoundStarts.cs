using Microsoft.DurableTask.Client;
using RefugeeHome.Storage;
using RefugeeHome.Workflows;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Triggers.Matching;

/// <summary>
/// Starts rounds of matching: on the schedule (<c>Workflows__MatchingSchedule</c>), from each host's timer, and on a
/// coordinator's request. A round's workflow is named by the time it was due, so every timer of every host that sees
/// the same round due starts it once, and a host that was down starts the round it missed when it comes back.
/// </summary>
public sealed class MatchingRoundStarts(WorkflowOptions options, TimeProvider clock)
{
    private readonly CronSchedule _schedule = new(options.MatchingSchedule, options.TimeZone, "Workflows__MatchingSchedule");

    /// <summary>The timer ticked: starts the latest round that was due, unless it was started before. Returns its id.</summary>
    public async Task<string?> OnTimerAsync(DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        if (_schedule.LatestUpTo(clock.GetUtcNow()) is not { } due)
        {
            return null;
        }

        var round = MatchingRounds.IdOf(due);
        return await StartAsync(workflows, round, cancellationToken) ? round : null;
    }

    /// <summary>Starts a round now; a round of the same minute is started once.</summary>
    public async Task<(string Round, bool Started)> StartNowAsync(DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var round = MatchingRounds.IdOf(clock.GetUtcNow());
        return (round, await StartAsync(workflows, round, cancellationToken));
    }

    private static Task<bool> StartAsync(DurableTaskClient workflows, string round, CancellationToken cancellationToken) =>
        workflows.StartOnceAsync(OrchestratorNames.MatchingRound, MatchingRounds.InstanceIdOf(round), new object(), cancellationToken);
}
