using RefugeeHome.Approvals;
using RefugeeHome.Matching;
using RefugeeHome.Registrations;
using RefugeeHome.Statistics;
using RefugeeHome.Matching.Municipalities;
using RefugeeHome.Storage;
using RefugeeHome.Workflows.Matching;

namespace RefugeeHome.Workflows.Activities;

/// <summary>The activities that keep the households' registrations, statistics and place in the matching pool up to date.</summary>
public sealed class HouseholdActivities(
    HostRegistry hosts, GuestRegistry guests, HouseholdStatistics statistics, MatchingPool pool, DocumentStore documents,
    ApprovalLinks links, PlacementRecords placements, CaseActivities cases, TimeProvider clock)
{
    private static readonly IReadOnlySet<HouseholdKind> AnyHousehold = Enum.GetValues<HouseholdKind>().ToHashSet();

    /// <summary>Records a host household's stage in its registration and, when it changes there, in the ministry's counts; false when the household has been forgotten.</summary>
    public async Task<bool> SetHostStageAsync(HostStageChange change, CancellationToken cancellationToken)
    {
        var host = await hosts.FindAsync(change.HostId, cancellationToken);
        if (host is null)
        {
            return false;
        }

        await hosts.SetStatusAsync(change.HostId, change.Status, cancellationToken);
        if (change.Statistics is { } stage)
        {
            await statistics.RecordHostAsync(change.HostId, host.Municipality, stage, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Applies the correction staff made to a household's registration: the ministry's counts move with a corrected
    /// municipality first, while the registration still names the old one, so a step run again after a crash finishes
    /// the move; then the registration, an available host's offer and the console's case follow.
    /// </summary>
    public async Task<bool> CorrectRegistrationAsync(string householdId, CancellationToken cancellationToken)
    {
        if (householdId.StartsWith("host-", StringComparison.Ordinal) && await hosts.FindAsync(householdId, cancellationToken) is { } host)
        {
            if (await hosts.PendingCorrectionAsync(householdId, cancellationToken) is { } correction)
            {
                await statistics.MoveAsync(householdId, host.Municipality, correction.Municipality, cancellationToken);
                await hosts.ApplyCorrectionAsync(householdId, cancellationToken);
            }

            var corrected = (await hosts.FindAsync(householdId, cancellationToken))!;
            await pool.RefreshOfferAsync(householdId, offer => offer with
            {
                Municipality = MunicipalityNames.Default.Normalize(corrected.Municipality),
                Region = MunicipalityNames.Default.ProvinceOf(corrected.Municipality) ?? "",
                Languages = corrected.Preferences.Languages.ToHashSet(StringComparer.Ordinal),
                Position = GuestHouseholds.PositionOf(corrected.Municipality),
            }, cancellationToken);
        }
        else if (await guests.FindAsync(householdId, cancellationToken) is { } guest
            && await guests.PendingCorrectionAsync(householdId, cancellationToken) is { } correction)
        {
            await statistics.MoveAsync(householdId, guest.Registration.Municipality, correction.Municipality, cancellationToken);
            await guests.ApplyCorrectionAsync(householdId, cancellationToken);
        }

        await cases.RefreshAsync(householdId, cancellationToken);
        return true;
    }

    /// <summary>Puts a screened host household's offer in the matching pool.</summary>
    public async Task<bool> OfferHostAsync(HostOfferRequest request, CancellationToken cancellationToken)
    {
        var host = await hosts.FindAsync(request.HostId, cancellationToken)
            ?? throw new InvalidOperationException($"Host household {request.HostId} is not registered.");
        var preferences = host.Preferences;
        await pool.OfferAsync(new HostOffer(
            host.HostId, MunicipalityNames.Default.Normalize(host.Municipality), MunicipalityNames.Default.ProvinceOf(host.Municipality) ?? "", host.Capacity, preferences.AcceptsChildren, request.ChildSafetyScreened,
            preferences.AcceptedPets.ToHashSet(), preferences.StepFree, host.AvailableFrom, host.AvailableUntil,
            preferences.AcceptedHouseholds.Count == 0 ? AnyHousehold : preferences.AcceptedHouseholds.ToHashSet(),
            preferences.Languages.ToHashSet(StringComparer.Ordinal), preferences.Accommodation, preferences.SmokeFree, preferences.WelcomesFamilies,
            new HashSet<string>(StringComparer.Ordinal))
        {
            Position = GuestHouseholds.PositionOf(host.Municipality),
        }, cancellationToken);
        return true;
    }

    /// <summary>Takes a host household's offer out of the matching pool; false when a match reserved it first.</summary>
    public Task<bool> WithdrawOfferAsync(string hostId, CancellationToken cancellationToken) => pool.WithdrawAsync(hostId, cancellationToken);

    /// <summary>Deletes a host household's registration, documents, links and statistics row after retention.</summary>
    public async Task<bool> ForgetHostAsync(string hostId, CancellationToken cancellationToken)
    {
        // The statistics find the household by its municipality, so they forget it while the registration still says which.
        if (await hosts.FindAsync(hostId, cancellationToken) is { } host)
        {
            await statistics.ForgetAsync(hostId, host.Municipality, cancellationToken);
        }

        await documents.DeleteFolderAsync(hostId, cancellationToken);
        await links.ForgetAsync(hostId, cancellationToken);
        await cases.ForgetAsync(hostId, cancellationToken);
        return await hosts.ForgetAsync(hostId, cancellationToken);
    }

    /// <summary>Records a guest household's stage in its registration and, when it changes there, in the ministry's counts; false when the household has been forgotten.</summary>
    public async Task<bool> SetGuestStageAsync(GuestStageChange change, CancellationToken cancellationToken)
    {
        var guest = await guests.FindAsync(change.GuestId, cancellationToken);
        if (guest is null)
        {
            return false;
        }

        await guests.SetStatusAsync(change.GuestId, change.Status, change.StartsWaiting ? clock.GetUtcNow() : null, change.RematchPriority, cancellationToken);
        if (change.Statistics is { } stage)
        {
            await statistics.RecordGuestAsync(change.GuestId, guest.Registration.Municipality, stage, cancellationToken);
        }

        return true;
    }

    /// <summary>What the intake needs to know of a guest household.</summary>
    public async Task<GuestFacts> ReadGuestAsync(string guestId, CancellationToken cancellationToken)
    {
        var guest = await guests.FindAsync(guestId, cancellationToken)
            ?? throw new InvalidOperationException($"Guest household {guestId} is not registered.");
        return new GuestFacts(guest.Registration.MayBeMatched);
    }

    /// <summary>Deletes a guest household's registration, placements, links and statistics row after retention.</summary>
    public async Task<bool> ForgetGuestAsync(string guestId, CancellationToken cancellationToken)
    {
        // A placement's links hold the visit notes about the guests; they go with the guests' data.
        foreach (var placementId in await placements.OfGuestAsync(guestId, cancellationToken))
        {
            await links.ForgetAsync(placementId, cancellationToken);
            await cases.ForgetAsync(placementId, cancellationToken);
            await placements.DeleteAsync(placementId, cancellationToken);
        }

        if (await guests.FindAsync(guestId, cancellationToken) is { } guest)
        {
            await statistics.ForgetAsync(guestId, guest.Registration.Municipality, cancellationToken);
        }

        await links.ForgetAsync(guestId, cancellationToken);
        await cases.ForgetAsync(guestId, cancellationToken);
        return await guests.ForgetAsync(guestId, cancellationToken);
    }
}
