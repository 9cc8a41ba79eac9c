using RefugeeHome.Approvals;
using RefugeeHome.Durable;
using RefugeeHome.Registrations;
using RefugeeHome.Statistics;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows.Activities;

/// <summary>The activities of a placement: its record, its reservations, its statistics, and telling the host's journey.</summary>
internal sealed class PlacementActivities(
    PlacementRecords placements, MatchingPool pool, HostRegistry hosts, GuestRegistry guests, HouseholdStatistics statistics,
    DurableTaskClient workflows, WorkflowOptions options, TimeProvider clock)
{
    public async Task<PlacementFacts> StartAsync(PlacementCase placement, CancellationToken cancellationToken)
    {
        var guest = await guests.FindAsync(placement.GuestId, cancellationToken)
            ?? throw new InvalidOperationException($"Guest household {placement.GuestId} is not registered.");
        await placements.MergeAsync(placement.PlacementId, new Dictionary<string, string>
        {
            ["hostId"] = placement.HostId, ["guestId"] = placement.GuestId, ["stage"] = "Matched",
        }, cancellationToken);
        await SignalAsync(new SignalRequest(placement.HostId, "reserved", placement.PlacementId, new Dictionary<string, string>(), placement.PlacementId + "-reserved"), cancellationToken);
        return new PlacementFacts((guest.Registration.Adults * options.HousingComponentPerAdult) + (guest.Registration.Minors * options.HousingComponentPerMinor));
    }

    public async Task<bool> UpdateAsync(PlacementUpdate update, CancellationToken cancellationToken)
    {
        await placements.MergeAsync(update.PlacementId, update.Values, cancellationToken);
        return true;
    }

    public async Task<bool> DeclineAsync(PlacementEnd end, CancellationToken cancellationToken)
    {
        var placement = end.Case;
        await pool.RecordDeclineAsync(placement.HostId, placement.GuestId, cancellationToken);
        await pool.ReleaseAsync(placement.PlacementId, placement.HostId, placement.GuestId, restoreOffer: false, cancellationToken);
        await placements.MergeAsync(placement.PlacementId, new Dictionary<string, string> { ["stage"] = "Declined", ["declinedBy"] = end.Outcome }, cancellationToken);
        return true;
    }

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

    public async Task<bool> EndAsync(PlacementEnd end, CancellationToken cancellationToken)
    {
        var placement = end.Case;
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

    public async Task<bool> SignalAsync(SignalRequest signal, CancellationToken cancellationToken)
    {
        await workflows.RaiseEventAsync(signal.InstanceId, Signals.Event,
            new ApprovalAnswer(signal.Purpose, signal.Choice, signal.Values, signal.SignalId, clock.GetUtcNow()),
            eventId: signal.SignalId, cancellationToken: cancellationToken);
        return true;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
