namespace RefugeeHome.Matching;

/// <summary>One proposal of a sweep: a household, the host proposed for it, and the pair's score.</summary>
/// <param name="GuestId">The waiting household.</param>
/// <param name="HostId">The host proposed.</param>
/// <param name="Score">The pair's soft score.</param>
public sealed record SweepProposal(string GuestId, string HostId, double Score);

/// <summary>What a sweep proposes, and the households it could not propose anyone for.</summary>
/// <param name="Proposals">The assignment: at most one host per household and one household per host.</param>
/// <param name="Alternatives">
/// Further hosts for households that have a proposal, from the hosts nobody was proposed, each to one household only,
/// each from near the top of its household's ranking.
/// </param>
/// <param name="Unmatched">Households without a proposal this round.</param>
public sealed record SweepResult(IReadOnlyList<SweepProposal> Proposals, IReadOnlyList<SweepProposal> Alternatives, IReadOnlyList<string> Unmatched);

/// <summary>
/// The daily sweep: proposes a host for every waiting household at once, never the same host twice in a round. Each
/// household's best candidates come from the <see cref="HostIndex"/>; the round is then an assignment that maximises
/// the total score (an auction: households bid for their best host at its current price, the price rises by what
/// the bidder would lose by taking its second choice). So a host goes where it fits best overall, not to whichever
/// household was looked at first, and a household that waited long, whose every score carries its waiting time,
/// wins a host it ties for. The hosts left over are then dealt out as alternatives, one per household in turn, longest
/// waiting first, so a matcher has a second choice where there is one without any host being proposed twice.
/// </summary>
public static class DailySweep
{
    /// <summary>
    /// How much a bid raises a price at least; the round's total is within this much per household of the best. A
    /// quarter point is about one day of waiting at the default weights; smaller steps make hosts that tie (many do)
    /// pass through long bidding wars for no difference a matcher would see.
    /// </summary>
    public const double Epsilon = 0.25;

    /// <summary>
    /// Runs a round for <paramref name="guests"/> against <paramref name="hosts"/>, with <paramref name="candidates"/>
    /// candidates each, and up to <paramref name="alternatives"/> alternatives for each household with a proposal.
    /// </summary>
    public static SweepResult Run(IReadOnlyList<GuestHousehold> guests, HostIndex hosts, int candidates = 10, int alternatives = 0)
    {
        ArgumentNullException.ThrowIfNull(guests);
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentOutOfRangeException.ThrowIfNegative(alternatives);
        var ordered = guests.OrderBy(guest => guest.GuestId, StringComparer.Ordinal).ToArray();
        var feeds = new IEnumerator<(HostOffer Host, double Score)>[ordered.Length];
        var options = new (HostOffer Host, double Score)[ordered.Length][];
        Parallel.For(0, ordered.Length, index =>
        {
            feeds[index] = hosts.Ranked(ordered[index]).GetEnumerator();
            options[index] = Pull(feeds[index], candidates, taken: null);
        });

        var price = new Dictionary<string, double>(StringComparer.Ordinal);
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var bidders = new Queue<int>(Enumerable.Range(0, ordered.Length).Where(index => options[index].Length > 0));
        while (bidders.TryDequeue(out var bidder))
        {
            if (Bid(options, bidder, price, owner) is not { } outbid)
            {
                // Priced out of every candidate: look further down the ranking, past the hosts taken this round.
                var further = Pull(feeds[bidder], candidates, owner);
                if (further.Length > 0)
                {
                    options[bidder] = [.. options[bidder], .. further];
                    bidders.Enqueue(bidder);
                }
            }
            else if (outbid >= 0)
            {
                bidders.Enqueue(outbid);
            }
        }

        var proposals = owner
            .Select(pair => new SweepProposal(ordered[pair.Value].GuestId, pair.Key, options[pair.Value].First(option => option.Host.HostId == pair.Key).Score))
            .OrderBy(proposal => proposal.GuestId, StringComparer.Ordinal)
            .ToList();
        var matched = proposals.Select(proposal => proposal.GuestId).ToHashSet(StringComparer.Ordinal);
        var dealt = Deal(ordered, options, feeds, owner, alternatives, lookFurther: candidates * alternatives);
        foreach (var feed in feeds)
        {
            feed.Dispose();
        }

        return new SweepResult(proposals, dealt, ordered.Select(guest => guest.GuestId).Where(id => !matched.Contains(id)).ToList());
    }

    // Each household with a proposal takes, in turn, its best host nobody has been proposed yet: first from the
    // candidates it held in the auction, then further down its ranking. Households that rank alike meet the same taken
    // hosts there, so each looks at most lookFurther hosts further; an alternative far down a ranking helps no one.
    private static List<SweepProposal> Deal(
        GuestHousehold[] ordered, (HostOffer Host, double Score)[][] options, IEnumerator<(HostOffer Host, double Score)>[] feeds,
        Dictionary<string, int> owner, int alternatives, int lookFurther)
    {
        var dealt = new List<SweepProposal>();
        var taken = new HashSet<string>(owner.Keys, StringComparer.Ordinal);
        var turns = owner.Values
            .OrderBy(index => ordered[index].WaitingSince).ThenBy(index => ordered[index].GuestId, StringComparer.Ordinal)
            .Select(index => new Turn(index))
            .ToList();
        for (var round = 0; round < alternatives && turns.Count > 0; round++)
        {
            foreach (var turn in turns)
            {
                if (NextFree(turn, options[turn.Index], feeds[turn.Index], taken, lookFurther) is { } chosen)
                {
                    taken.Add(chosen.Host.HostId);
                    dealt.Add(new SweepProposal(ordered[turn.Index].GuestId, chosen.Host.HostId, chosen.Score));
                }
                else
                {
                    turn.Done = true;
                }
            }

            turns.RemoveAll(turn => turn.Done);
        }

        return dealt;
    }

    private static (HostOffer Host, double Score)? NextFree(
        Turn turn, (HostOffer Host, double Score)[] held, IEnumerator<(HostOffer Host, double Score)> feed, HashSet<string> taken, int lookFurther)
    {
        while (turn.Held < held.Length)
        {
            var candidate = held[turn.Held++];
            if (!taken.Contains(candidate.Host.HostId))
            {
                return candidate;
            }
        }

        while (turn.LookedFurther < lookFurther && feed.MoveNext())
        {
            turn.LookedFurther++;
            if (!taken.Contains(feed.Current.Host.HostId))
            {
                return feed.Current;
            }
        }

        return null;
    }

    // The next hosts of a household's ranking that are not taken; a taken host stays taken for the rest of the round.
    private static (HostOffer Host, double Score)[] Pull(IEnumerator<(HostOffer Host, double Score)> feed, int count, Dictionary<string, int>? taken)
    {
        var pulled = new List<(HostOffer Host, double Score)>(count);
        while (pulled.Count < count && feed.MoveNext())
        {
            if (taken?.ContainsKey(feed.Current.Host.HostId) != true)
            {
                pulled.Add(feed.Current);
            }
        }

        return [.. pulled];
    }

    // One bid of the auction: the bidder takes its best host at the current prices, raising that host's price by what
    // the bidder would lose with its second choice. Returns the household it outbid (-1 for none), or null when every
    // candidate costs more than it is worth to the bidder.
    private static int? Bid((HostOffer Host, double Score)[][] options, int bidder, Dictionary<string, double> price, Dictionary<string, int> owner)
    {
        // Staying without a proposal this round is worth 0, so no household pays more than its score.
        var (best, bestValue, secondValue) = (-1, double.NegativeInfinity, 0.0);
        for (var option = 0; option < options[bidder].Length; option++)
        {
            var value = options[bidder][option].Score - price.GetValueOrDefault(options[bidder][option].Host.HostId);
            if (value > bestValue)
            {
                (secondValue, bestValue, best) = (Math.Max(secondValue, bestValue), value, option);
            }
            else
            {
                secondValue = Math.Max(secondValue, value);
            }
        }

        if (bestValue < 0)
        {
            return null;
        }

        var hostId = options[bidder][best].Host.HostId;
        price[hostId] = price.GetValueOrDefault(hostId) + bestValue - secondValue + Epsilon;
        var outbid = owner.TryGetValue(hostId, out var previous) ? previous : -1;
        owner[hostId] = bidder;
        return outbid;
    }

    // Where a household stands in its ranking while alternatives are dealt.
    private sealed class Turn(int index)
    {
        public int Index { get; } = index;

        public int Held { get; set; }

        public int LookedFurther { get; set; }

        public bool Done { get; set; }
    }
}
