using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Storage;

/// <summary>
/// All table access of the runtime. Every change of one instance is one entity-group transaction in its control
/// partition, guarded by the ETag of the instance row.
/// </summary>
internal sealed class InstanceStore
{
    private const int MaxBatch = 100;
    private readonly Dictionary<string, TableClient> _tables;

    /// <summary>
    /// Each control partition has a table of its own: a query then reads one partition's rows only, which keeps
    /// emulators that scan whole tables fast, and spreads load across tables in Azure.
    /// </summary>
    public InstanceStore(TableServiceClient service, string taskHubName, int partitionCount)
    {
        PartitionCount = partitionCount;
        _tables = Enumerable.Range(0, partitionCount).ToDictionary(
            ControlPartitions.Name,
            index => service.GetTableClient(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{taskHubName}Instances{index:D2}")),
            StringComparer.Ordinal);
    }

    public int PartitionCount { get; }

    public string PartitionOf(string instanceId) => ControlPartitions.For(instanceId, PartitionCount);

    public TableClient TableOf(string partition) => _tables[partition];

    public async Task CreateTablesAsync(CancellationToken cancellationToken)
    {
        foreach (var table in _tables.Values)
        {
            await table.CreateIfNotExistsAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Reads an instance: a point read of its row, and a range read of its other rows only when it has history or an
    /// outbox, so starting an instance costs one point read.
    /// </summary>
    public async Task<InstanceState?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instanceRow = await ReadInstanceRowAsync(instanceId, cancellationToken);
        if (instanceRow is null)
        {
            return null;
        }

        var state = InstanceRowMapper.FromEntity(instanceRow);
        if (state.HistoryChunks == 0 && !state.InRecoveryIndex)
        {
            return state;
        }

        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {state.Partition} and RowKey ge {RowKeys.InstanceRangeStart(instanceId)} and RowKey lt {RowKeys.InstanceRangeEnd(instanceId)}");
        await foreach (var row in TableOf(state.Partition).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row);
        }

        var historyPrefix = $"{instanceId}|H|{state.ExecutionId}|";
        var outboxPrefix = $"{instanceId}|O|{state.ExecutionId}|";
        foreach (var row in rows.Where(row => row.RowKey != instanceRow.RowKey).OrderBy(row => row.RowKey, StringComparer.Ordinal))
        {
            if (row.RowKey.StartsWith(historyPrefix, StringComparison.Ordinal) &&
                int.Parse(row.RowKey.AsSpan(historyPrefix.Length), System.Globalization.CultureInfo.InvariantCulture) < state.HistoryChunks)
            {
                state.History.AddRange(InstanceRowMapper.FromChunk(row.GetString("Events")));
            }
            else if (row.RowKey.StartsWith(outboxPrefix, StringComparison.Ordinal))
            {
                state.Outbox[row.RowKey] = JsonSerializer.Deserialize<OutboxMessage>(row.GetString("Message"), InstanceRowMapper.Json)!;
            }
            else if (!row.RowKey.StartsWith(historyPrefix, StringComparison.Ordinal))
            {
                state.Garbage.Add(row.RowKey);
            }
        }

        return state;
    }

    public async Task<IReadOnlyList<DueMessage>> ReadDueAsync(string partition, DateTime nowUtc, int max, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {RowKeys.DuePrefix} and RowKey lt {RowKeys.DueUpTo(nowUtc)}");
        var due = new List<DueMessage>();
        await foreach (var page in TableOf(partition).QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken).AsPages())
        {
            due.AddRange(page.Values.Select(InstanceRowMapper.FromDueRow));
            break;
        }

        return due;
    }

    public async Task<IReadOnlyList<string>> ReadRecoveryIndexAsync(string partition, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {RowKeys.RecoveryPrefix} and RowKey lt {"~R}"}");
        var ids = new List<string>();
        await foreach (var row in TableOf(partition).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            ids.Add(RowKeys.InstanceIdOfRecovery(row.RowKey));
        }

        return ids;
    }

    /// <summary>
    /// Commits an episode. History chunks of a large episode are written ahead in their own batches: they stay invisible
    /// until the instance row that counts them commits. Everything else commits in one batch with the instance row.
    /// </summary>
    /// <returns>The instance row's new ETag.</returns>
    /// <exception cref="RequestFailedException">Status 412 when another writer changed the instance first.</exception>
    public async Task<ETag> CommitAsync(EpisodeCommit commit, CancellationToken cancellationToken)
    {
        var state = commit.State;
        var chunks = commit.NewHistory.Count == 0 ? [] : InstanceRowMapper.ToChunks(commit.NewHistory).ToList();
        var chunkEntities = chunks.Select((json, index) => new TableEntity(state.Partition,
            RowKeys.HistoryChunk(state.InstanceId, state.ExecutionId, commit.FirstChunk + index)) { ["Events"] = json }).ToList();
        state.HistoryChunks = commit.FirstChunk + chunks.Count;

        var atomic = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, InstanceRowMapper.ToEntity(state), state.ETag),
        };
        atomic.AddRange(commit.DeleteKeys.Select(key => Delete(state.Partition, key)));
        atomic.AddRange(commit.InsertRows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, row)));
        atomic.AddRange(commit.UpsertRows.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        if (atomic.Count > MaxBatch)
        {
            throw new InvalidOperationException(
                $"An episode of '{state.InstanceId}' changes {atomic.Count} rows besides its history; at most {MaxBatch} commit together. Schedule fewer sub-orchestrations or consume fewer messages per episode.");
        }

        var inline = Math.Min(chunkEntities.Count, MaxBatch - atomic.Count);
        var ahead = chunkEntities.Take(chunkEntities.Count - inline).ToList();
        for (var start = 0; start < ahead.Count; start += MaxBatch)
        {
            await TableOf(state.Partition).SubmitTransactionAsync(
                ahead.Skip(start).Take(MaxBatch).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)),
                cancellationToken);
        }

        atomic.AddRange(chunkEntities.Skip(ahead.Count).Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)));
        var response = await TableOf(state.Partition).SubmitTransactionAsync(atomic, cancellationToken);
        return response.Value[0].Headers.ETag ?? throw new InvalidOperationException("The table service returned no ETag.");
    }

    /// <summary>Creates an instance row and its start signal; false when the instance already exists.</summary>
    public async Task<bool> TryCreateAsync(InstanceState state, DateTime startAtUtc, CancellationToken cancellationToken)
    {
        try
        {
            await TableOf(state.Partition).SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, InstanceRowMapper.ToEntity(state)),
                new TableTransactionAction(TableTransactionActionType.Add,
                    InstanceRowMapper.DueRow(state.Partition, RowKeys.StartSignal(startAtUtc, state.InstanceId, state.ExecutionId), null, null)),
            ], cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces a finished instance with a new execution, clearing every row the old one left.</summary>
    public async Task ReplaceFinishedAsync(InstanceState existing, InstanceState fresh, DateTime startAtUtc, CancellationToken cancellationToken)
    {
        await DeleteRowsAsync(existing.Partition, (await ListInstanceRowsAsync(existing.InstanceId, cancellationToken))
            .Where(key => key != RowKeys.Instance(existing.InstanceId)), cancellationToken);
        fresh.ETag = existing.ETag;
        await TableOf(fresh.Partition).SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, InstanceRowMapper.ToEntity(fresh), existing.ETag),
            new TableTransactionAction(TableTransactionActionType.Add,
                InstanceRowMapper.DueRow(fresh.Partition, RowKeys.StartSignal(startAtUtc, fresh.InstanceId, fresh.ExecutionId), null, null)),
        ], cancellationToken);
    }

    /// <summary>Puts a message in the due index; sending the same row twice is a no-op.</summary>
    public async Task SendAsync(string instanceId, HistoryEvent message, string rowSuffix, string? targetExecutionId, DateTime dueUtc, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(instanceId);
        try
        {
            await TableOf(partition).AddEntityAsync(
                InstanceRowMapper.DueRow(partition, RowKeys.Due(dueUtc, instanceId, rowSuffix), message, targetExecutionId), cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            // Already delivered.
        }
    }

    public async Task<TableEntity?> ReadInstanceRowAsync(string instanceId, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(instanceId);
        var row = await TableOf(partition).GetEntityIfExistsAsync<TableEntity>(partition, RowKeys.Instance(instanceId), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    public async IAsyncEnumerable<TableEntity> QueryInstanceRowsAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var table in _tables.Values)
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                yield return row;
            }
        }
    }

    /// <summary>Deletes an instance and every row it owns.</summary>
    public async Task PurgeAsync(InstanceState state, CancellationToken cancellationToken)
    {
        var keys = (await ListInstanceRowsAsync(state.InstanceId, cancellationToken)).ToList();
        if (state.TimerDueKey is not null)
        {
            keys.Add(state.TimerDueKey);
        }

        if (state.InRecoveryIndex)
        {
            keys.Add(RowKeys.Recovery(state.InstanceId));
        }

        // The instance row goes last, so a purge cut short can be repeated.
        keys.Remove(RowKeys.Instance(state.InstanceId));
        await DeleteRowsAsync(state.Partition, keys, cancellationToken);
        await TableOf(state.Partition).DeleteEntityAsync(state.Partition, RowKeys.Instance(state.InstanceId), state.ETag, cancellationToken);
    }

    /// <summary>Deletes rows in batches, ignoring rows already gone.</summary>
    public async Task DeleteRowsAsync(string partition, IEnumerable<string> rowKeys, CancellationToken cancellationToken)
    {
        foreach (var batch in rowKeys.Chunk(MaxBatch))
        {
            try
            {
                await TableOf(partition).SubmitTransactionAsync(batch.Select(key => Delete(partition, key)), cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status == 404)
            {
                foreach (var key in batch)
                {
                    await TableOf(partition).DeleteEntityAsync(partition, key, ETag.All, cancellationToken);
                }
            }
        }
    }

    private async Task<IReadOnlyList<string>> ListInstanceRowsAsync(string instanceId, CancellationToken cancellationToken)
    {
        var partition = PartitionOf(instanceId);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {RowKeys.InstanceRangeStart(instanceId)} and RowKey lt {RowKeys.InstanceRangeEnd(instanceId)}");
        var keys = new List<string>();
        await foreach (var row in TableOf(partition).QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(row.RowKey);
        }

        return keys;
    }

    private static TableTransactionAction Delete(string partition, string rowKey) =>
        new(TableTransactionActionType.Delete, new TableEntity(partition, rowKey), ETag.All);
}
