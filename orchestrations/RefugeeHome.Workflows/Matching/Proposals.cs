using System.Globalization;
using RefugeeHome.Approvals;
using RefugeeHome.Durable;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;
using RefugeeHome.Registrations;
using SendGrid.Helpers.Mail;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// One round of proposals for a waiting guest household: ranks the hosts in the pool and emails the matcher the best
/// ones, each with its own approval link and explanation, never an address. A round's links stay valid together; the
/// next round supersedes them.
/// </summary>
internal sealed class Proposals(
    GuestRegistry guests, MatchingPool pool, ApprovalLinks links, Mailer mailer, EmailTemplates templates,
    WorkflowOptions options, MatchingOptions matching, TimeProvider clock)
{
    private const string Message = "match-proposals";

    public async Task<int> ProposeAsync(TaskActivityContext activity, ProposalRound round, CancellationToken cancellationToken)
    {
        var guest = await guests.FindAsync(round.GuestId, cancellationToken)
            ?? throw new InvalidOperationException($"Guest household {round.GuestId} is not registered.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var household = GuestHouseholds.From(guest, round.RematchPriority, await pool.DeclinedHostsAsync(round.GuestId, cancellationToken), today);
        var offers = (await pool.OffersAsync(cancellationToken)).ToDictionary(offer => offer.HostId, StringComparer.Ordinal);
        var ranking = Ranking.Rank(household, offers.Values.ToList(), today, options.ProposalCount, matching);
        if (ranking.Proposals.Count == 0)
        {
            return 0;
        }

        var language = options.StaffLanguage;
        string Label(string key) => templates.Label(Message, language, key) ?? key;
        var items = new List<object>();
        foreach (var proposal in ranking.Proposals)
        {
            var offer = offers[proposal.HostId];
            var details = new List<string>
            {
                string.Format(CultureInfo.InvariantCulture, Label("offer"), offer.Municipality, offer.Capacity,
                    string.Join(", ", offer.Languages.Order(StringComparer.Ordinal)), proposal.Score.ToString("0.#", CultureInfo.InvariantCulture)),
            };
            details.AddRange(proposal.Factors.Select(factor =>
                string.Create(CultureInfo.InvariantCulture, $"{factor.Factor}: +{factor.Contribution:0.#} / {factor.Weight:0.#} — {factor.Reason}")));
            var link = await links.IssueAsync(new ApprovalRequest(
                activity.InstanceId, Signals.Event, MatchReservationGuard.Purpose, $"round-{round.Round}-{proposal.HostId}", language, Label("title.match"),
                [new ApprovalChoice(proposal.HostId, Label("choice.approve-match"))], clock.GetUtcNow() + options.ProposalRoundLength)
            {
                Details = details,
                Round = $"round-{round.Round}",
            }, cancellationToken);
            items.Add(new { lines = details, link = link.ToString() });
        }

        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["guestRef"] = guest.GuestId,
            ["guestMunicipality"] = guest.Registration.Municipality,
            ["adults"] = household.Adults,
            ["minors"] = household.Minors,
            ["items"] = items,
        };
        await mailer.SendOnceAsync(activity.CallKey, new EmailAddress(options.MatcherEmail), language, Message, model, cancellationToken);
        return ranking.Proposals.Count;
    }
}
