using RefugeeHome.Approvals;
using RefugeeHome.Matching;
using RefugeeHome.Notifications;
using RefugeeHome.Registrations;

namespace RefugeeHome.Workflows.Matching;

/// <summary>A host ranked for a household, with its score explained.</summary>
/// <param name="HostId">The host.</param>
/// <param name="Lines">The offer and each score factor in words; never an address.</param>
public sealed record RankedHost(string HostId, IReadOnlyList<string> Lines);

/// <summary>The hosts one hard rule rules out for a household.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Label">The rule in words.</param>
/// <param name="HostIds">The hosts it rules out.</param>
public sealed record ExcludedHosts(Exclusion Rule, string Label, IReadOnlyList<string> HostIds);

/// <summary>A proposal of a round still open for a household.</summary>
/// <param name="HostId">The host proposed.</param>
/// <param name="Token">Its approval link's token.</param>
/// <param name="Lines">The proposal in words.</param>
public sealed record OpenProposal(string HostId, string Token, IReadOnlyList<string> Lines);

/// <summary>What the matcher sees of one waiting household: its open proposals, the hosts that fit best and the hosts each rule excludes.</summary>
/// <param name="Proposals">The proposals of the latest round still open.</param>
/// <param name="Ranked">The best hosts in the pool, best first.</param>
/// <param name="Excluded">The hosts ruled out, by the first rule each breaks.</param>
/// <param name="AvailableHosts">How many hosts are in the pool.</param>
public sealed record HouseholdMatchView(
    IReadOnlyList<OpenProposal> Proposals, IReadOnlyList<RankedHost> Ranked, IReadOnlyList<ExcludedHosts> Excluded, int AvailableHosts);

/// <summary>
/// The matcher's work on one waiting household from the console. Matching by hand asks and answers the household's own
/// proposal question, so the reservation guard and the workflow take it exactly as an approval from the daily email.
/// Turning a proposal down records the pair as declined, as a declined introduction does, so matching never proposes
/// it again, and closes that proposal's link; the household keeps waiting, so its workflow has nothing to take.
/// </summary>
public sealed class HouseholdMatching(
    GuestRegistry guests, MatchingPool pool, ApprovalLinks links, EmailTemplates templates, WorkflowOptions options, MatchingOptions matching, TimeProvider clock)
{
    /// <summary>The view of <paramref name="guestId"/> in <paramref name="language"/>, with at most <paramref name="best"/> ranked hosts; null when the household is unknown.</summary>
    public async Task<HouseholdMatchView?> ViewAsync(string guestId, string language, int best, CancellationToken cancellationToken)
    {
        if (await guests.FindAsync(guestId, cancellationToken) is not { } guest)
        {
            return null;
        }

        var today = Today;
        var offers = await pool.OffersAsync(cancellationToken);
        var household = await HouseholdAsync(guest, today, cancellationToken);
        var lines = new ScoreLines(templates, language);
        var ranked = HostIndex.Build(offers, today, matching).Ranked(household).Take(best)
            .Select(entry => new RankedHost(entry.Host.HostId, lines.For(entry.Host, entry.Score, SoftScore.Explain(household, entry.Host, today, matching))))
            .ToList();
        var excluded = offers
            .Select(offer => (offer.HostId, Rule: HardRules.FirstBroken(household, offer, today, matching)))
            .Where(entry => entry.Rule is not null)
            .GroupBy(entry => entry.Rule!.Value)
            .OrderByDescending(group => group.Count())
            .Select(group => new ExcludedHosts(group.Key, Label(language, "exclusion." + group.Key),
                group.Select(entry => entry.HostId).Order(StringComparer.Ordinal).ToList()))
            .ToList();
        var proposals = (await links.LinksOfAsync(guestId, cancellationToken))
            .Where(issued => issued.Link.Purpose == MatchReservationGuard.Purpose && issued.Link.State == ApprovalState.Open && issued.Link.Choices.Count > 0)
            .Select(issued => new OpenProposal(issued.Link.Choices[0].Value, issued.Token, issued.Link.Details))
            .ToList();
        return new HouseholdMatchView(proposals, ranked, excluded, offers.Count);
    }

    /// <summary>
    /// Matches <paramref name="guestId"/> with <paramref name="hostId"/> by hand: a proposal link of the household's
    /// current round, answered at once by <paramref name="answeredBy"/>. The same <paramref name="submissionId"/> asks
    /// once. Returns null when the match is made, or why it is not, in <paramref name="language"/>.
    /// </summary>
    public async Task<string?> MatchByHandAsync(
        string guestId, string hostId, string language, string answeredBy, string submissionId, IWorkflowEvents workflows, CancellationToken cancellationToken)
    {
        var today = Today;
        var offer = (await pool.OffersAsync(cancellationToken)).FirstOrDefault(candidate => candidate.HostId == hostId);
        if (offer is null || await guests.FindAsync(guestId, cancellationToken) is not { } guest)
        {
            return Label(language, "console.unavailable");
        }

        var household = await HouseholdAsync(guest, today, cancellationToken);
        if (HardRules.FirstBroken(household, offer, today, matching) is { } rule)
        {
            return Label(language, "exclusion." + rule);
        }

        // The link is the household's, so it is written in the staff's language as every proposal is.
        var staff = options.StaffLanguage;
        var round = await links.CurrentRoundAsync(guestId, MatchReservationGuard.Purpose, cancellationToken) ?? "console-" + submissionId;
        var address = await links.IssueAsync(new ApprovalRequest(guestId, Inbox.Event, MatchReservationGuard.Purpose, "console-match-" + submissionId, staff,
            Label(staff, "title.match"), [new ApprovalChoice(hostId, Label(staff, "choice.approve-match"))], clock.GetUtcNow() + options.LinkLifetime)
        {
            Details = new ScoreLines(templates, staff).For(offer, SoftScore.Total(household, offer, today, matching), SoftScore.Explain(household, offer, today, matching)),
            Round = round,
            Audience = "matcher",
        }, cancellationToken);
        var redemption = await links.RedeemAsync(address.AbsolutePath.Split('/')[^1],
            new ApprovalSubmission(hostId, null, new Dictionary<string, string>()) { AnsweredBy = answeredBy }, workflows, cancellationToken);
        return redemption.Outcome switch
        {
            RedeemOutcome.Recorded or RedeemOutcome.AlreadyRecorded => null,
            RedeemOutcome.Refused => redemption.Reason,
            _ => Label(language, "console.unavailable"),
        };
    }

    /// <summary>Turns down the open proposal <paramref name="token"/> of <paramref name="guestId"/>; false when it is not one.</summary>
    public async Task<bool> RejectAsync(string guestId, string token, CancellationToken cancellationToken)
    {
        var link = await links.FindAsync(token, cancellationToken);
        if (link.InstanceId != guestId || link.Purpose != MatchReservationGuard.Purpose || link.State != ApprovalState.Open || link.Choices.Count == 0)
        {
            return false;
        }

        await pool.RecordDeclineAsync(link.Choices[0].Value, guestId, cancellationToken);
        await links.WithdrawAsync(token, cancellationToken);
        return true;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<GuestHousehold> HouseholdAsync(GuestRecord guest, DateOnly today, CancellationToken cancellationToken)
    {
        var declines = await pool.DeclinesAsync(cancellationToken);
        return GuestHouseholds.From(guest, declines.GetValueOrDefault(guest.GuestId) ?? new HashSet<string>(StringComparer.Ordinal), today);
    }

    private string Label(string language, string key) => templates.Label(MatchingRounds.Message, language, key) ?? key;
}
