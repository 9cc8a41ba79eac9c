using Azure;
using Azure.Data.Tables;

namespace RefugeeHome.Storage;

/// <summary>The answer to a claim.</summary>
public enum ClaimState
{
    /// <summary>This caller holds the claim and does the work.</summary>
    Claimed,

    /// <summary>The work was done before.</summary>
    Done,

    /// <summary>Another caller holds a claim younger than the lease.</summary>
    HeldElsewhere,
}

/// <summary>A claim on a key: its state, and the row to complete or release when this caller holds it.</summary>
/// <param name="State">What the claim found.</param>
/// <param name="Row">The claimed row, when <see cref="State"/> is <see cref="ClaimState.Claimed"/>.</param>
public sealed record Claim(ClaimState State, TableEntity? Row)
{
    /// <summary>
    /// When an earlier attempt, whose outcome nobody learned (it died, or gave its claim up not knowing), claimed the key;
    /// null when none did. Its work may have been done since then.
    /// </summary>
    public DateTimeOffset? UnsureSince => Row?.GetDateTimeOffset(OnceClaims.UnsureSinceProperty);
}

/// <summary>
/// Lets one caller at a time do the work of a key, and nobody after it is done: sending the email of a message key,
/// the report of a day. A claim is a row written with <c>Add</c>; it is marked done when the work is done, released
/// when the work failed, given up when its outcome is unknown, and taken over under its ETag once given up or once its
/// lease has passed (its holder died); whoever takes a claim over learns since when the work may have been done. Each
/// claim carries an id of its own, so a claim written by storage whose answer was lost is known as one's own when the
/// client sends it again.
/// </summary>
public sealed class OnceClaims(TableClient table, TimeSpan lease, TimeProvider clock)
{
    internal const string UnsureSinceProperty = "UnsureSince";
    private const string StateProperty = "State";
    private const string ClaimIdProperty = "ClaimId";
    private const string GivenUpProperty = "GivenUp";

    /// <summary>Claims <paramref name="rowKey"/>, storing <paramref name="details"/> with a new claim.</summary>
    public async Task<Claim> TryClaimAsync(string partition, string rowKey, IReadOnlyDictionary<string, object?> details, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(details);
        var now = clock.GetUtcNow();
        var claimId = Guid.NewGuid().ToString("N");
        var row = new TableEntity(partition, rowKey) { [StateProperty] = "Claimed", ["ClaimedAt"] = now, [ClaimIdProperty] = claimId };
        foreach (var (name, value) in details)
        {
            row[name] = value;
        }

        try
        {
            var added = await table.AddEntityAsync(row, cancellationToken);
            row.ETag = added.Headers.ETag ?? ETag.All;
            return new Claim(ClaimState.Claimed, row);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            var existing = (await table.GetEntityAsync<TableEntity>(partition, rowKey, cancellationToken: cancellationToken)).Value;
            if (existing.GetString(StateProperty) == "Done")
            {
                return new Claim(ClaimState.Done, null);
            }

            if (existing.GetString(ClaimIdProperty) == claimId)
            {
                // Our own claim: storage wrote it, but its answer was lost and the client sent it again.
                return new Claim(ClaimState.Claimed, existing);
            }

            if (existing.GetBoolean(GivenUpProperty) != true && existing.GetDateTimeOffset("ClaimedAt") > now - lease)
            {
                return new Claim(ClaimState.HeldElsewhere, null);
            }

            existing[UnsureSinceProperty] = existing.GetDateTimeOffset(UnsureSinceProperty) ?? existing.GetDateTimeOffset("ClaimedAt");
            existing.Remove(GivenUpProperty);
            existing["ClaimedAt"] = now;
            existing[ClaimIdProperty] = claimId;
            try
            {
                var updated = await table.UpdateEntityAsync(existing, existing.ETag, TableUpdateMode.Replace, cancellationToken);
                existing.ETag = updated.Headers.ETag ?? ETag.All;
                return new Claim(ClaimState.Claimed, existing);
            }
            catch (RequestFailedException conflict) when (conflict.Status == 412)
            {
                return new Claim(ClaimState.HeldElsewhere, null);
            }
        }
    }

    /// <summary>
    /// Marks the claimed work done; later claims of the key answer <see cref="ClaimState.Done"/>. A write refused because
    /// the row changed is looked at again: done already (an earlier attempt whose answer was lost) is fine, still this
    /// claim is written again, and a claim taken over by another caller after the lease is an error.
    /// </summary>
    public async Task CompleteAsync(Claim claim, CancellationToken cancellationToken)
    {
        var row = Held(claim);
        while (true)
        {
            row[StateProperty] = "Done";
            row["DoneAt"] = clock.GetUtcNow();
            try
            {
                await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                var current = (await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
                if (IsDone(current))
                {
                    return;
                }

                if (current.GetString(ClaimIdProperty) != row.GetString(ClaimIdProperty))
                {
                    throw new InvalidOperationException($"The claim on {row.RowKey} was taken over after its lease.", exception);
                }

                row = current;
            }
        }
    }

    /// <summary>Gives the claim back after failed work, so the next attempt claims it at once.</summary>
    public async Task ReleaseAsync(Claim claim)
    {
        var row = Held(claim);
        await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, CancellationToken.None);
    }

    /// <summary>
    /// Gives the claim up after work whose outcome is unknown (a request that went out and whose answer never came): the
    /// next attempt takes it over at once and learns the work may have been done. A claim that changed meanwhile is left
    /// as it is; a claim that could not be given up is taken over when its lease passes, and learns the same.
    /// </summary>
    public async Task GiveUpAsync(Claim claim)
    {
        var row = Held(claim);
        row[GivenUpProperty] = true;
        try
        {
            await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, CancellationToken.None);
        }
        catch (RequestFailedException exception) when (exception.Status == 412)
        {
            // Done or taken over by another attempt meanwhile: what stands is theirs.
        }
    }

    /// <summary>True when <paramref name="row"/> is a claim whose work is done.</summary>
    public static bool IsDone(TableEntity row) => row?.GetString(StateProperty) == "Done";

    private static TableEntity Held(Claim claim) =>
        claim?.State == ClaimState.Claimed && claim.Row is not null ? claim.Row : throw new InvalidOperationException("This caller does not hold the claim.");
}
