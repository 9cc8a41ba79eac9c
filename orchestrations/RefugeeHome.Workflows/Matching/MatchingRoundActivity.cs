using RefugeeHome.Approvals;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;
using RefugeeHome.Registrations;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// The activity of a round of matching: reads the day once, proposes, then sends the matcher's email. Run again after
/// a failure it issues the same links and sends the email once.
/// </summary>
public sealed class MatchingRoundActivity(
    GuestRegistry guests, MatchingPool pool, MatchingRounds rounds, ApprovalLinks links, Mailer mailer, EmailTemplates templates,
    WorkflowOptions options, MatchingOptions matching, TimeProvider clock)
{
    private readonly DailyProposals _proposals = new(rounds, links, templates, options, matching, clock);
    private readonly MatchingOverview _overview = new(links, mailer, templates, options);

    /// <summary>Runs the round <paramref name="request"/> names; returns how many households got proposals.</summary>
    public async Task<int> RunAsync(MatchingRoundRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var day = await MatchingDay.LoadAsync(guests, pool, matching, clock, cancellationToken);
        var round = await _proposals.ProposeAsync(request.Round, day, cancellationToken);
        await _overview.SendAsync(request, day, round, cancellationToken);
        return round.Count;
    }
}
