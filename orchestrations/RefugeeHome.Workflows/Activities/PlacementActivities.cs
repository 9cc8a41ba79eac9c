using RefugeeHome.Registrations;
using RefugeeHome.Statistics;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows.Activities;

/// <summary>The activities of a placement: its record, its reservations and its statistics.</summary>
public sealed class PlacementActivities(
    PlacementRecords placements, MatchingPool pool, HostRegistry hosts, GuestRegistry guests, HouseholdStatistics statistics,
    WorkflowOptions options, TimeProvider clock)
{
    /// <summary>Records a new placement and returns the contribution cap of its guests.</summary>
    public async Task<PlacementFacts> StartAsync(PlacementCase placement, CancellationToken cancellationToken)
    {
        var guest = await guests.FindAsync(placement.GuestId, cancellationToken)
            ?? throw new InvalidOperationException($"Guest household {placement.GuestId} is not registered.");
        await placements.MergeAsync(placement.PlacementId, new Dictionary<string, string>
        {
            ["hostId"] = placement.HostId, ["guestId"] = placement.GuestId, ["stage"] = "Matched",
        }, cancellationToken);
        return new PlacementFacts((guest.Registration.Adults * options.HousingComponentPerAdult) + (guest.Registration.Minors * options.HousingComponentPerMinor));
    }

    /// <summary>Records a placement's progress.</summary>
    public async Task<bool> UpdateAsync(PlacementUpdate update, CancellationToken cancellationToken)
    {
        await placements.MergeAsync(update.PlacementId, update.Values, cancellationToken);
        return true;
    }

    /// <summary>Records a declined introduction: the pair is never proposed again and both households are free.</summary>
    public async Task<bool> DeclineAsync(PlacementEnd end, CancellationToken cancellationToken)
    {
        var placement = end.Case;
        await pool.RecordDeclineAsync(placement.HostId, placement.GuestId, cancellationToken);
        await pool.ReleaseAsync(placement.PlacementId, placement.HostId, placement.GuestId, restoreOffer: false, cancellationToken);
        await placements.MergeAsync(placement.PlacementId, new Dictionary<string, string> { ["stage"] = "Declined", ["declinedBy"] = end.Outcome }, cancellationToken);
        return true;
    }

    /// <summary>Records a move-in and counts it in the ministry's statistics.</summary>
    public async Task<bool> MoveInAsync(PlacementCase placement, CancellationToken cancellationToken)
    {
        var host = await hosts.FindAsync(placement.HostId, cancellationToken);
        await placements.MergeAsync(placement.PlacementId, new Dictionary<string, string> { ["stage"] = "Hosting" }, cancellationToken);
        await guests.SetStatusAsync(placement.GuestId, "Placed", null, null, cancellationToken);
        var guest = await guests.FindAsync(placement.GuestId, cancellationToken);
        if (guest is not null)
        {
            await statistics.RecordGuestAsync(placement.GuestId, guest.Registration.Municipality, GuestStage.Placed, cancellationToken);
        }

        if (host is not null)
        {
            await statistics.RecordPlacementStartedAsync(placement.PlacementId, host.Municipality, Today, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Records a departure, frees both households and counts it in the ministry's statistics. Host and guests are not
    /// proposed to each other again: whether the stay ran its course or was ended early, a household moving on goes to
    /// someone new.
    /// </summary>
    public async Task<bool> EndAsync(PlacementEnd end, CancellationToken cancellationToken)
    {
        var placement = end.Case;
        await pool.RecordDeclineAsync(placement.HostId, placement.GuestId, cancellationToken);
        await pool.ReleaseAsync(placement.PlacementId, placement.HostId, placement.GuestId, restoreOffer: false, cancellationToken);
        await placements.MergeAsync(placement.PlacementId, new Dictionary<string, string>
        {
            ["stage"] = "Departed", ["destination"] = end.Destination ?? "",
        }, cancellationToken);
        if (await hosts.FindAsync(placement.HostId, cancellationToken) is { } host)
        {
            await statistics.RecordPlacementEndedAsync(placement.PlacementId, host.Municipality, Today, cancellationToken);
        }

        return true;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
