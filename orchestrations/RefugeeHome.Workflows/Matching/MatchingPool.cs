using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RefugeeHome.Matching;

namespace RefugeeHome.Workflows.Matching;

/// <summary>What reserving a host and a guest household did.</summary>
public enum ReservationOutcome
{
    /// <summary>Both are reserved for the placement (now or by an earlier attempt of the same approval).</summary>
    Reserved,

    /// <summary>The host is reserved for another placement.</summary>
    HostTaken,

    /// <summary>The host is no longer available (paused, retired or withdrawn).</summary>
    HostUnavailable,

    /// <summary>The guest household is reserved for another placement.</summary>
    GuestTaken,
}

/// <summary>
/// The hosts open to matching, the reservations of placements and the pairs that declined each other, in one table
/// partition so that reserving is one transaction: the host's offer is taken out of the pool and both households are
/// reserved together, or nothing changes. Two matchers approving the same host can therefore never both succeed, and a
/// host who pauses at the same moment either pauses or is placed, never both.
/// </summary>
public sealed class MatchingPool(TableServiceClient tables)
{
    private const string Partition = "pool";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TableClient _table = tables.GetTableClient("MatchingPool");

    /// <summary>Creates the table if needed.</summary>
    public Task CreateTableAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Puts a host's offer into the pool, or refreshes it.</summary>
    public Task OfferAsync(HostOffer offer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offer);
        return _table.UpsertEntityAsync(new TableEntity(Partition, "offer|" + offer.HostId) { ["Offer"] = JsonSerializer.Serialize(StoredOffer.From(offer), Json) },
            TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Changes a host's offer while it is in the pool; a host not in it is left out.</summary>
    public async Task RefreshOfferAsync(string hostId, Func<HostOffer, HostOffer> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "offer|" + hostId, cancellationToken: cancellationToken);
            if (!found.HasValue)
            {
                return;
            }

            var row = found.Value!;
            var offer = change(JsonSerializer.Deserialize<StoredOffer>(row.GetString("Offer"), Json)!.ToOffer());
            row["Offer"] = JsonSerializer.Serialize(StoredOffer.From(offer), Json);
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Reserved or changed at the same moment: read again.
            }
        }
    }

    /// <summary>
    /// Takes a host's offer out of the pool. Returns false when the host is reserved for a placement, which then goes
    /// ahead; true when the host is out of the pool.
    /// </summary>
    public async Task<bool> WithdrawAsync(string hostId, CancellationToken cancellationToken)
    {
        await _table.DeleteEntityAsync(Partition, "offer|" + hostId, ETag.All, cancellationToken);
        return !(await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "host|" + hostId, cancellationToken: cancellationToken)).HasValue;
    }

    /// <summary>Every offer in the pool.</summary>
    public async Task<IReadOnlyList<HostOffer>> OffersAsync(CancellationToken cancellationToken)
    {
        var offers = new List<HostOffer>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {"offer|"} and RowKey lt {"offer}"}"), select: ["Offer"], cancellationToken: cancellationToken))
        {
            offers.Add(JsonSerializer.Deserialize<StoredOffer>(row.GetString("Offer"), Json)!.ToOffer());
        }

        return offers;
    }

    /// <summary>Reserves host and guest for <paramref name="placementId"/> in one transaction.</summary>
    public async Task<ReservationOutcome> ReserveAsync(string placementId, string hostId, string guestId, CancellationToken cancellationToken)
    {
        var offer = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, "offer|" + hostId, cancellationToken: cancellationToken);
        if (offer.HasValue)
        {
            try
            {
                await _table.SubmitTransactionAsync(
                [
                    new(TableTransactionActionType.Delete, offer.Value!, offer.Value!.ETag),
                    new(TableTransactionActionType.Add, new TableEntity(Partition, "host|" + hostId)
                    {
                        ["PlacementId"] = placementId, ["GuestId"] = guestId, ["Offer"] = offer.Value.GetString("Offer"),
                    }),
                    new(TableTransactionActionType.Add, new TableEntity(Partition, "guest|" + guestId) { ["PlacementId"] = placementId, ["HostId"] = hostId }),
                ], cancellationToken);
                return ReservationOutcome.Reserved;
            }
            catch (TableTransactionFailedException)
            {
                // Another reservation, or a change of the offer, came first: report what stands now.
            }
        }

        var host = await ReservationAsync("host|" + hostId, cancellationToken);
        var guest = await ReservationAsync("guest|" + guestId, cancellationToken);
        return (host?.GetString("PlacementId"), guest?.GetString("PlacementId")) switch
        {
            (var h, var g) when h == placementId && g == placementId => ReservationOutcome.Reserved,
            (not null, _) => ReservationOutcome.HostTaken,
            (_, not null) => ReservationOutcome.GuestTaken,
            _ => ReservationOutcome.HostUnavailable,
        };
    }

    /// <summary>
    /// Releases the reservations of <paramref name="placementId"/>; a reservation of another placement is left alone.
    /// With <paramref name="restoreOffer"/> the host's offer goes back into the pool, for an approval that did not stand.
    /// </summary>
    public async Task ReleaseAsync(string placementId, string hostId, string guestId, bool restoreOffer, CancellationToken cancellationToken)
    {
        foreach (var key in new[] { "host|" + hostId, "guest|" + guestId })
        {
            var row = await ReservationAsync(key, cancellationToken);
            if (row is null || row.GetString("PlacementId") != placementId)
            {
                continue;
            }

            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Delete, row, row.ETag) };
            if (restoreOffer && row.GetString("Offer") is { } offer)
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, "offer|" + hostId) { ["Offer"] = offer }));
            }

            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    /// <summary>Records that host and guest declined each other, so they are not proposed again.</summary>
    public Task RecordDeclineAsync(string hostId, string guestId, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(Partition, $"declined|{guestId}|{hostId}"), TableUpdateMode.Replace, cancellationToken);

    /// <summary>For every guest household that declined a host or was declined, those hosts.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlySet<string>>> DeclinesAsync(CancellationToken cancellationToken)
    {
        var declines = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await foreach (var key in KeysAsync("declined|", cancellationToken))
        {
            var (guestId, hostId) = (key.Split('|')[0], key.Split('|')[1]);
            if (!declines.TryGetValue(guestId, out var hosts))
            {
                declines[guestId] = hosts = new HashSet<string>(StringComparer.Ordinal);
            }

            hosts.Add(hostId);
        }

        return declines.ToDictionary(pair => pair.Key, pair => (IReadOnlySet<string>)pair.Value, StringComparer.Ordinal);
    }

    /// <summary>Guest households reserved for a placement, whose approval the workflow is taking up.</summary>
    public async Task<IReadOnlySet<string>> ReservedGuestsAsync(CancellationToken cancellationToken)
    {
        var guests = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in KeysAsync("guest|", cancellationToken))
        {
            guests.Add(key);
        }

        return guests;
    }

    // The rest of each row key that starts with prefix (which ends in the separator '|').
    private async IAsyncEnumerable<string> KeysAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in _table.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "}"}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            yield return row.RowKey[prefix.Length..];
        }
    }

    private async Task<TableEntity?> ReservationAsync(string key, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    // The offer as stored: sets become arrays, which JSON can read back.
    private sealed record StoredOffer(
        string HostId, string Municipality, string Region, int Capacity, bool AcceptsChildren, bool ChildSafetyScreened, PetKind[] AcceptedPets,
        bool StepFree, DateOnly AvailableFrom, DateOnly? AvailableUntil, HouseholdKind[] AcceptedHouseholds, string[] Languages,
        Accommodation Accommodation, bool SmokeFree, bool WelcomesFamilies, string[] DeclinedGuests, GeoPoint? Position)
    {
        public static StoredOffer From(HostOffer offer) => new(
            offer.HostId, offer.Municipality, offer.Region, offer.Capacity, offer.AcceptsChildren, offer.ChildSafetyScreened, [.. offer.AcceptedPets],
            offer.StepFree, offer.AvailableFrom, offer.AvailableUntil, [.. offer.AcceptedHouseholds], [.. offer.Languages],
            offer.Accommodation, offer.SmokeFree, offer.WelcomesFamilies, [.. offer.DeclinedGuests], offer.Position);

        public HostOffer ToOffer() => new(
            HostId, Municipality, Region, Capacity, AcceptsChildren, ChildSafetyScreened, AcceptedPets.ToHashSet(), StepFree, AvailableFrom, AvailableUntil,
            AcceptedHouseholds.ToHashSet(), Languages.ToHashSet(StringComparer.Ordinal), Accommodation, SmokeFree, WelcomesFamilies,
            DeclinedGuests.ToHashSet(StringComparer.Ordinal))
        {
            Position = Position,
        };
    }
}
