namespace RefugeeHome.Matching.Tests;

/// <summary>
/// Ranking as plainly as it can be written, host by host, with the product's <see cref="HardRules"/> and
/// <see cref="SoftScore"/>: the yardstick the <see cref="HostIndex"/> is held to.
/// </summary>
internal static class ReferenceRanking
{
    public static (List<(string HostId, double Score)> Best, Dictionary<Exclusion, int> Excluded) Rank(
        GuestHousehold guest, IReadOnlyList<HostOffer> hosts, DateOnly today, int top, MatchingOptions options)
    {
        var excluded = new Dictionary<Exclusion, int>();
        var allowed = new List<(string HostId, double Score)>();
        foreach (var host in hosts)
        {
            if (HardRules.FirstBroken(guest, host, today, options) is { } rule)
            {
                excluded[rule] = excluded.GetValueOrDefault(rule) + 1;
            }
            else
            {
                allowed.Add((host.HostId, SoftScore.Total(guest, host, today, options)));
            }
        }

        var best = allowed.OrderByDescending(entry => entry.Score).ThenBy(entry => entry.HostId, StringComparer.Ordinal).Take(top).ToList();
        return (best, excluded);
    }
}
