using RefugeeHome.Approvals;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// The daily round of matching: one <see cref="DailySweep"/> over every waiting household and every available host,
/// so no host is proposed twice in a round. Each household with a proposal gets an approval link per host, with the
/// score explained in the staff's language and never an address; its links of earlier rounds are replaced, and a
/// household nothing fits today has its old links closed. The round is stored for its page.
/// </summary>
internal sealed class DailyProposals(
    MatchingRounds rounds, ApprovalLinks links, EmailTemplates templates, WorkflowOptions options, MatchingOptions matching, TimeProvider clock)
{
    /// <summary>Runs <paramref name="round"/> over <paramref name="day"/>; returns its households with proposals, in the order the matcher reads them.</summary>
    public async Task<IReadOnlyList<RoundHousehold>> ProposeAsync(string round, MatchingDay day, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var (today, waiting, households) = (day.Today, day.Waiting, day.Households);
        var sweep = DailySweep.Run([.. households.Values], day.Index, alternatives: Math.Max(0, options.ProposalCount - 1));

        var offerById = day.Offers.ToDictionary(offer => offer.HostId, StringComparer.Ordinal);
        var proposalsByGuest = sweep.Proposals.Concat(sweep.Alternatives).ToLookup(proposal => proposal.GuestId, StringComparer.Ordinal);
        var lines = new ScoreLines(templates, options.StaffLanguage);
        var proposed = waiting
            .Where(guest => proposalsByGuest.Contains(guest.GuestId))
            .OrderByDescending(guest => guest.RematchPriority).ThenBy(guest => guest.WaitingSince).ThenBy(guest => guest.GuestId, StringComparer.Ordinal)
            .Select(guest => new RoundHousehold(
                guest.GuestId, GuestHouseholds.RegionOf(guest), households[guest.GuestId].PreferredMunicipality, guest.Registration.Adults, guest.Registration.Minors,
                today.DayNumber - households[guest.GuestId].WaitingSince.DayNumber, guest.RematchPriority,
                proposalsByGuest[guest.GuestId].Select(proposal => new RoundProposal(
                    proposal.HostId, $"{round}-{proposal.HostId}",
                    lines.For(offerById[proposal.HostId], proposal.Score, SoftScore.Explain(households[guest.GuestId], offerById[proposal.HostId], today, matching)))).ToList()))
            .ToList();

        // Links first: a round on the page always has its links, and redoing an interrupted round issues the same ones.
        await Parallel.ForEachAsync(proposed, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (household, token) =>
        {
            foreach (var proposal in household.Proposals)
            {
                await links.IssueAsync(Request(household.GuestId, proposal, round, now + options.LinkLifetime), token);
            }
        });
        var proposedIds = proposed.Select(household => household.GuestId).ToHashSet(StringComparer.Ordinal);
        await Parallel.ForEachAsync(waiting.Where(guest => !proposedIds.Contains(guest.GuestId)),
            new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (guest, token) => await links.CloseAsync(guest.GuestId, MatchReservationGuard.Purpose, token));

        await rounds.SaveAsync(round, proposed, cancellationToken);
        await rounds.ForgetBeforeAsync(today.AddDays(-(int)options.RoundsKeptFor.TotalDays), cancellationToken);
        return proposed;
    }

    private ApprovalRequest Request(string guestId, RoundProposal proposal, string round, DateTimeOffset expiresAt)
    {
        var language = options.StaffLanguage;
        string Label(string key) => templates.Label(MatchingRounds.Message, language, key) ?? key;
        return new ApprovalRequest(guestId, Inbox.Event, MatchReservationGuard.Purpose, proposal.IssueKey, language, Label("title.match"),
            [new ApprovalChoice(proposal.HostId, Label("choice.approve-match"))], expiresAt)
        {
            Details = proposal.Lines,
            Round = round,
        };
    }
}
