using RefugeeHome.Matching;
using RefugeeHome.Registrations;

namespace RefugeeHome.Workflows.Matching;

/// <summary>The households waiting and the hosts available in one region (a province); a shortage when more wait than are available.</summary>
/// <param name="Region">The province, or the label of households and hosts whose province is unknown.</param>
/// <param name="Waiting">Guest households waiting for a match.</param>
/// <param name="Available">Host households available for matching.</param>
public sealed record RegionBalance(string Region, int Waiting, int Available)
{
    /// <summary>More households wait than hosts are available.</summary>
    public bool Shortage => Waiting > Available;
}

/// <summary>Where hosts run short: per region, the households waiting against the hosts available now, for the matcher.</summary>
public sealed class RegionalShortages(GuestRegistry guests, MatchingPool pool)
{
    /// <summary>Every region with a household waiting or a host available, by name; <paramref name="unknownRegion"/> names those without a province.</summary>
    public async Task<IReadOnlyList<RegionBalance>> ReadAsync(string unknownRegion, CancellationToken cancellationToken)
    {
        var offers = await pool.OffersAsync(cancellationToken);
        var reserved = await pool.ReservedGuestsAsync(cancellationToken);
        var waiting = (await guests.WithStatusAsync("Waiting", cancellationToken)).Where(guest => !reserved.Contains(guest.GuestId)).ToList();
        return Of(offers, waiting, unknownRegion);
    }

    internal static IReadOnlyList<RegionBalance> Of(IReadOnlyList<HostOffer> offers, IReadOnlyList<GuestRecord> waiting, string unknownRegion)
    {
        string Region(string region) => region.Length == 0 ? unknownRegion : region;
        var available = offers.GroupBy(offer => Region(offer.Region)).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var waitingByRegion = waiting.GroupBy(guest => Region(GuestHouseholds.RegionOf(guest))).ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        return available.Keys.Union(waitingByRegion.Keys).Order(StringComparer.Ordinal)
            .Select(region => new RegionBalance(region, waitingByRegion.GetValueOrDefault(region), available.GetValueOrDefault(region)))
            .ToList();
    }
}
