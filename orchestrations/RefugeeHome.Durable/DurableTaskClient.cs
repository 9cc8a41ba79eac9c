using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using RefugeeHome.Durable.History;
using RefugeeHome.Durable.Storage;

namespace RefugeeHome.Durable;

/// <summary>Starts, signals, inspects and removes orchestration instances; mirrors Durable Task's <c>DurableTaskClient</c>.</summary>
public sealed class DurableTaskClient
{
    private long _messageSequence;
    private readonly InstanceStore _store;
    private readonly PayloadSerializer _payloads;
    private readonly TimeProvider _clock;
    private readonly Action<string> _notify;

    internal DurableTaskClient(InstanceStore store, PayloadSerializer payloads, TimeProvider clock, Action<string> notify)
    {
        _store = store;
        _payloads = payloads;
        _clock = clock;
        _notify = notify;
    }

    /// <summary>
    /// Starts a new instance. Starting an id that is pending or running changes nothing and returns the same id; an id
    /// whose instance has finished starts a fresh execution in its place.
    /// </summary>
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(
        string orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        var startAt = (options?.StartAt ?? _clock.GetUtcNow()).UtcDateTime;
        await StartAsync(instanceId, orchestratorName, _payloads.Serialize(input), null, startAt, cancellationToken);
        return instanceId;
    }

    internal Task StartChildAsync(string instanceId, string name, string? input, ParentInstance parent, CancellationToken cancellationToken) =>
        StartAsync(instanceId, name, input, parent, _clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>
    /// Sends an event to a running instance; events are delivered in the order they were raised. Raising again with
    /// the same <paramref name="eventId"/> delivers the event once, so a retried request cannot answer twice.
    /// </summary>
    /// <exception cref="InvalidOperationException">No instance has that id.</exception>
    public async Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, string? eventId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        await EnsureExistsAsync(instanceId, cancellationToken);
        var messageId = eventId ?? Guid.NewGuid().ToString("N");
        await SendAsync(instanceId, new EventRaised(eventName, _payloads.Serialize(eventPayload), messageId), messageId, cancellationToken);
    }

    /// <summary>Stops an instance; its in-flight work is abandoned and <paramref name="reason"/> becomes its output.</summary>
    public async Task TerminateInstanceAsync(string instanceId, object? reason = null, CancellationToken cancellationToken = default)
    {
        await EnsureExistsAsync(instanceId, cancellationToken);
        var messageId = Guid.NewGuid().ToString("N");
        await SendAsync(instanceId, new ExecutionTerminated(_payloads.Serialize(reason)), messageId, cancellationToken);
    }

    /// <summary>Reads an instance, or null when none has that id.</summary>
    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        RowKeys.Validate(instanceId);
        var row = await _store.ReadInstanceRowAsync(instanceId, cancellationToken);
        return row is null ? null : ToMetadata(InstanceRowMapper.FromEntity(row), getInputsAndOutputs);
    }

    /// <summary>Lists instances by status and creation time.</summary>
    public async IAsyncEnumerable<OrchestrationMetadata> GetAllInstancesAsync(
        OrchestrationQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        query ??= new OrchestrationQuery();
        await foreach (var row in _store.QueryInstanceRowsAsync(Filter(query.Statuses, query.CreatedFrom, query.CreatedTo), cancellationToken))
        {
            yield return ToMetadata(InstanceRowMapper.FromEntity(row), query.FetchInputsAndOutputs);
        }
    }

    /// <summary>Deletes a finished instance and all it stored.</summary>
    /// <returns>False when there was nothing to delete.</returns>
    /// <exception cref="InvalidOperationException">The instance has not finished.</exception>
    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        RowKeys.Validate(instanceId);
        var state = await _store.LoadAsync(instanceId, cancellationToken);
        if (state is null)
        {
            return false;
        }

        if (!state.IsTerminal)
        {
            throw new InvalidOperationException($"Instance '{instanceId}' is {state.Status}; only finished instances can be purged. Terminate it first.");
        }

        await _store.PurgeAsync(state, cancellationToken);
        return true;
    }

    /// <summary>Deletes every finished instance created before <see cref="PurgeInstancesFilter.CreatedTo"/>.</summary>
    /// <returns>How many instances were deleted.</returns>
    public async Task<int> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var statuses = filter.Statuses ?? [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated];
        var ids = new List<string>();
        await foreach (var row in _store.QueryInstanceRowsAsync(Filter(statuses, null, filter.CreatedTo), cancellationToken))
        {
            ids.Add(row.GetString("InstanceId"));
        }

        var purged = 0;
        foreach (var id in ids)
        {
            var state = await _store.LoadAsync(id, cancellationToken);
            if (state is { IsTerminal: true })
            {
                await _store.PurgeAsync(state, cancellationToken);
                purged++;
            }
        }

        return purged;
    }

    /// <summary>Waits until the instance has finished, checking every <paramref name="pollInterval"/> (default 100 ms).</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, TimeSpan? pollInterval = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var instance = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken);
            if (instance is { IsCompleted: true })
            {
                return instance;
            }

            await Task.Delay(pollInterval ?? TimeSpan.FromMilliseconds(100), TimeProvider.System, cancellationToken);
        }
    }

    private async Task StartAsync(string instanceId, string name, string? input, ParentInstance? parent, DateTime startAtUtc, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId);
        var now = _clock.GetUtcNow();
        var fresh = new InstanceState
        {
            InstanceId = instanceId,
            Partition = _store.PartitionOf(instanceId),
            Name = name,
            ExecutionId = Guid.NewGuid().ToString("N"),
            Status = OrchestrationRuntimeStatus.Pending,
            Input = input,
            Parent = parent,
            CreatedAt = now,
            LastUpdatedAt = now,
        };
        if (!await _store.TryCreateAsync(fresh, startAtUtc, cancellationToken))
        {
            var existing = await _store.LoadAsync(instanceId, cancellationToken);
            if (existing is null || !existing.IsTerminal || (parent is not null && existing.Parent == parent))
            {
                return;
            }

            try
            {
                await _store.ReplaceFinishedAsync(existing, fresh, startAtUtc, cancellationToken);
            }
            catch (TableTransactionFailedException exception) when (exception.Status is 412 or 409)
            {
                // Someone else restarted it at the same moment; their execution stands.
                return;
            }
        }

        _notify(fresh.Partition);
    }

    private async Task SendAsync(string instanceId, HistoryEvent message, string messageId, CancellationToken cancellationToken)
    {
        await _store.SendAsync(instanceId, message, NextMessageKeySuffix(messageId), null, _clock.GetUtcNow().UtcDateTime, cancellationToken);
        _notify(_store.PartitionOf(instanceId));
    }

    private async Task EnsureExistsAsync(string instanceId, CancellationToken cancellationToken)
    {
        RowKeys.Validate(instanceId);
        if (await _store.ReadInstanceRowAsync(instanceId, cancellationToken) is null)
        {
            throw new InvalidOperationException($"No orchestration instance has the id '{instanceId}'.");
        }
    }

    // Messages are due at once; within one tick, the sequence in the row key keeps the order they were sent in.
    private string NextMessageKeySuffix(string messageId) =>
        string.Create(CultureInfo.InvariantCulture, $"{Interlocked.Increment(ref _messageSequence):D12}.{messageId}");

    private OrchestrationMetadata ToMetadata(InstanceState state, bool withPayloads) => new()
    {
        SerializerOptions = _payloads.Options,
        Name = state.Name,
        InstanceId = state.InstanceId,
        RuntimeStatus = state.Status,
        CreatedAt = state.CreatedAt,
        LastUpdatedAt = state.LastUpdatedAt,
        SerializedInput = withPayloads ? state.Input : null,
        SerializedOutput = withPayloads ? state.Output : null,
        SerializedCustomStatus = state.CustomStatus,
        FailureDetails = state.Failure,
    };

    private static string Filter(IReadOnlyCollection<OrchestrationRuntimeStatus>? statuses, DateTimeOffset? createdFrom, DateTimeOffset? createdTo)
    {
        var parts = new List<string> { TableClient.CreateQueryFilter($"Kind eq {InstanceRowMapper.InstanceKind}") };
        if (statuses is { Count: > 0 })
        {
            parts.Add("(" + string.Join(" or ", statuses.Select(status =>
                TableClient.CreateQueryFilter($"RuntimeStatus eq {status.ToString()}"))) + ")");
        }

        if (createdFrom is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt ge {from}"));
        }

        if (createdTo is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"CreatedAt lt {to}"));
        }

        return string.Join(" and ", parts);
    }
}
