using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using RefugeeHome.Durable.Storage;

namespace RefugeeHome.Durable.Dispatch;

/// <summary>
/// Shares the control partitions among the live workers of a task hub. A worker works only on partitions whose lease
/// it holds, so two processes never run an episode of the same instance at once; the instance row's ETag guards the
/// moment a lease moves. Leases run on the real clock, not the workflow clock.
/// </summary>
internal sealed class LeaseManager(TableClient leases, DurableRuntimeOptions options)
{
    private const string LeasePartition = "lease";
    private const string WorkerPartition = "worker";
    private readonly ConcurrentDictionary<string, DateTimeOffset> _owned = new(StringComparer.Ordinal);
    private readonly TimeProvider _realClock = TimeProvider.System;

    public event Action<string>? Acquired;

    public event Action<string>? Lost;

    public IReadOnlyCollection<string> Owned => _owned.Keys.ToList();

    /// <summary>True while this worker holds the partition with a safety margin left.</summary>
    public bool Owns(string partition) =>
        _owned.TryGetValue(partition, out var expires) && expires - _realClock.GetUtcNow() > options.LeaseDuration / 3;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await BalanceAsync(cancellationToken);
                await Task.Delay(options.LeaseRenewInterval, _realClock, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // Storage unreachable: the next round renews in time, or Owns() stops commits once a lease runs low.
                BalanceFailed?.Invoke(exception);
                await Task.Delay(options.LeaseRenewInterval, _realClock, CancellationToken.None);
            }
        }
    }

    /// <summary>Raised when a round of renewing and balancing failed; the loop goes on.</summary>
    public event Action<Exception>? BalanceFailed;

    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in _owned.Keys.ToList())
        {
            LoseOwnership(partition);
            var row = await leases.GetEntityIfExistsAsync<TableEntity>(LeasePartition, partition, cancellationToken: cancellationToken);
            if (row.HasValue && row.Value!.GetString("Owner") == options.WorkerId)
            {
                await TryWriteAsync(row.Value, "", _realClock.GetUtcNow(), cancellationToken);
            }
        }

        await leases.DeleteEntityAsync(WorkerPartition, options.WorkerId, ETag.All, cancellationToken);
    }

    internal async Task BalanceAsync(CancellationToken cancellationToken)
    {
        var now = _realClock.GetUtcNow();
        await leases.UpsertEntityAsync(new TableEntity(WorkerPartition, options.WorkerId) { ["LastSeen"] = now }, cancellationToken: cancellationToken);
        var rows = new List<TableEntity>();
        await foreach (var row in leases.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var liveWorkers = Math.Max(1, rows.Count(row => row.PartitionKey == WorkerPartition && row.GetDateTimeOffset("LastSeen") > now - options.LeaseDuration));
        var target = (options.PartitionCount + liveWorkers - 1) / liveWorkers;
        var leaseRows = rows.Where(row => row.PartitionKey == LeasePartition).ToDictionary(row => row.RowKey, StringComparer.Ordinal);
        var expiry = now + options.LeaseDuration;

        foreach (var partition in _owned.Keys.ToList())
        {
            if (!leaseRows.TryGetValue(partition, out var row) || row.GetString("Owner") != options.WorkerId ||
                !await TryWriteAsync(row, options.WorkerId, expiry, cancellationToken))
            {
                LoseOwnership(partition);
            }
            else
            {
                _owned[partition] = expiry;
            }
        }

        foreach (var partition in _owned.Keys.Skip(target).ToList())
        {
            LoseOwnership(partition);
            var row = await leases.GetEntityAsync<TableEntity>(LeasePartition, partition, cancellationToken: cancellationToken);
            await TryWriteAsync(row.Value, "", now, cancellationToken);
        }

        foreach (var partition in ControlPartitions.All(options.PartitionCount))
        {
            if (_owned.Count >= target)
            {
                break;
            }

            if (_owned.ContainsKey(partition))
            {
                continue;
            }

            var taken = leaseRows.TryGetValue(partition, out var row)
                ? IsFree(row, now) && await TryWriteAsync(row, options.WorkerId, expiry, cancellationToken)
                : await TryCreateAsync(partition, expiry, cancellationToken);
            if (taken)
            {
                _owned[partition] = expiry;
                Acquired?.Invoke(partition);
            }
        }
    }

    private bool IsFree(TableEntity row, DateTimeOffset now) =>
        string.IsNullOrEmpty(row.GetString("Owner")) || row.GetString("Owner") == options.WorkerId || row.GetDateTimeOffset("ExpiresAt") < now;

    private void LoseOwnership(string partition)
    {
        if (_owned.TryRemove(partition, out _))
        {
            Lost?.Invoke(partition);
        }
    }

    private async Task<bool> TryWriteAsync(TableEntity row, string owner, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        row["Owner"] = owner;
        row["ExpiresAt"] = expiresAt;
        try
        {
            await leases.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task<bool> TryCreateAsync(string partition, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            await leases.AddEntityAsync(new TableEntity(LeasePartition, partition) { ["Owner"] = options.WorkerId, ["ExpiresAt"] = expiresAt }, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }
}
