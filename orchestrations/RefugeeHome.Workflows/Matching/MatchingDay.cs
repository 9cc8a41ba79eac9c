using RefugeeHome.Matching;
using RefugeeHome.Registrations;

namespace RefugeeHome.Workflows.Matching;

/// <summary>
/// What the daily round of matching works on, read once: today's available hosts in their index, and the households
/// waiting for a match that no approval is taking up, as matching sees them.
/// </summary>
internal sealed record MatchingDay(DateOnly Today, IReadOnlyList<HostOffer> Offers, HostIndex Index, IReadOnlyList<GuestRecord> Waiting, IReadOnlyDictionary<string, GuestHousehold> Households)
{
    private static readonly IReadOnlySet<string> NoDeclines = new HashSet<string>();

    public static async Task<MatchingDay> LoadAsync(
        GuestRegistry guests, MatchingPool pool, MatchingOptions matching, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var offers = await pool.OffersAsync(cancellationToken);
        var reserved = await pool.ReservedGuestsAsync(cancellationToken);
        var declines = await pool.DeclinesAsync(cancellationToken);
        var waiting = (await guests.WithStatusAsync("Waiting", cancellationToken)).Where(guest => !reserved.Contains(guest.GuestId)).ToList();
        var households = waiting.ToDictionary(
            guest => guest.GuestId, guest => GuestHouseholds.From(guest, declines.GetValueOrDefault(guest.GuestId) ?? NoDeclines, today), StringComparer.Ordinal);
        return new MatchingDay(today, offers, HostIndex.Build(offers, today, matching), waiting, households);
    }
}
