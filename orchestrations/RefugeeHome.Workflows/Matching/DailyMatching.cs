using RefugeeHome.Durable;
using RefugeeHome.Matching;
using RefugeeHome.Registrations;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// The activity of the daily round: reads the day once, proposes, then sends the matcher's email. Run again after a
/// failure it issues the same links and sends the email once.
/// </summary>
internal sealed class DailyMatching(
    GuestRegistry guests, MatchingPool pool, DailyProposals proposals, MatchingOverview overview, MatchingOptions matching, TimeProvider clock)
{
    /// <summary>Runs today's round; returns how many households got proposals.</summary>
    public async Task<int> RunAsync(TaskActivityContext activity, CancellationToken cancellationToken)
    {
        var day = await MatchingDay.LoadAsync(guests, pool, matching, clock, cancellationToken);
        var round = await proposals.ProposeAsync(day, cancellationToken);
        await overview.SendAsync(activity, day, round, cancellationToken);
        return round.Count;
    }
}
