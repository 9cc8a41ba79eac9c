namespace RefugeeHome.Matching;

/// <summary>A host proposed for a guest household, with the score explained.</summary>
/// <param name="HostId">The host household.</param>
/// <param name="Score">Sum of the factors.</param>
/// <param name="Factors">Each factor's weight, contribution and reason.</param>
public sealed record Proposal(string HostId, double Score, IReadOnlyList<ScoreFactor> Factors);

/// <summary>The best hosts for one guest household, and how many hosts each hard rule ruled out.</summary>
/// <param name="Proposals">Best first; ties broken by host id so the order is stable.</param>
/// <param name="Excluded">Hosts ruled out, by the first rule each broke.</param>
public sealed record RankingResult(IReadOnlyList<Proposal> Proposals, IReadOnlyDictionary<Exclusion, int> Excluded);

/// <summary>Ranks hosts for a guest household: the hard rules first, then the soft score.</summary>
public static class Ranking
{
    /// <summary>The <paramref name="top"/> best allowed hosts for <paramref name="guest"/>.</summary>
    public static RankingResult Rank(GuestHousehold guest, IReadOnlyList<HostOffer> hosts, DateOnly today, int top, MatchingOptions options)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        var excluded = new Dictionary<Exclusion, int>();
        // A min-heap of the best so far: the root is the weakest of them, replaced when a better host comes.
        var best = new PriorityQueue<HostOffer, (double Score, string HostId)>(top + 1, BestComparer.Instance);
        foreach (var host in hosts)
        {
            if (HardRules.FirstBroken(guest, host, today, options) is { } rule)
            {
                excluded[rule] = excluded.GetValueOrDefault(rule) + 1;
                continue;
            }

            best.Enqueue(host, (SoftScore.Total(guest, host, today, options), host.HostId));
            if (best.Count > top)
            {
                best.Dequeue();
            }
        }

        var proposals = new List<Proposal>(best.Count);
        while (best.TryDequeue(out var host, out var priority))
        {
            proposals.Add(new Proposal(host.HostId, priority.Score, SoftScore.Explain(guest, host, today, options)));
        }

        proposals.Reverse();
        return new RankingResult(proposals, excluded);
    }

    // Orders weakest first: lower score, or on a tie the later host id, so the stable best-first order is by id.
    private sealed class BestComparer : IComparer<(double Score, string HostId)>
    {
        public static readonly BestComparer Instance = new();

        public int Compare((double Score, string HostId) x, (double Score, string HostId) y)
        {
            var byScore = x.Score.CompareTo(y.Score);
            return byScore != 0 ? byScore : string.CompareOrdinal(y.HostId, x.HostId);
        }
    }
}
