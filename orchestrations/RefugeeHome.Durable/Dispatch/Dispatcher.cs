using System.Collections.Concurrent;
using System.Threading.Channels;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RefugeeHome.Durable.History;
using RefugeeHome.Durable.Storage;

namespace RefugeeHome.Durable.Dispatch;

/// <summary>
/// Runs the episodes and activities of the instances in the partitions this process owns. The hot path costs one
/// transaction per episode and no read: an instance with activities in flight stays cached, and activity results go
/// straight from memory into its next episode. An instance with nothing in flight is evicted, so waiting instances
/// cost no memory; the due index brings it back when a message arrives or a timer fires.
/// </summary>
internal sealed partial class Dispatcher : IDisposable
{
    private const int DuePageSize = 500;
    private static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly InstanceStore _store;
    private readonly EpisodePlanner _planner;
    private readonly DurableTaskRegistry _registry;
    private readonly LeaseManager _leases;
    private readonly DurableRuntimeOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, ActiveInstance> _active = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PartitionPoller> _pollers = new(StringComparer.Ordinal);
    private readonly Channel<ActiveInstance> _ready = Channel.CreateUnbounded<ActiveInstance>();
    private readonly SemaphoreSlim _activitySlots;
    private readonly DurableTaskClient _childStarter;
    private long _eventsProcessed;

    public Dispatcher(InstanceStore store, EpisodePlanner planner, DurableTaskRegistry registry, LeaseManager leases, DurableRuntimeOptions options, ILogger logger)
    {
        _store = store;
        _planner = planner;
        _registry = registry;
        _leases = leases;
        _options = options;
        _logger = logger;
        _activitySlots = new SemaphoreSlim(options.MaxConcurrentActivities);
        _childStarter = new DurableTaskClient(store, registry.Payloads, options.Clock, Notify);
        leases.Acquired += StartPolling;
        leases.Lost += StopPartition;
        leases.BalanceFailed += exception => LogLeaseRoundFailed(exception);
    }

    public long EventsProcessed => Interlocked.Read(ref _eventsProcessed);

    public int ActiveInstances => _active.Count;

    public IEnumerable<Task> StartWorkers(CancellationToken cancellationToken) =>
        Enumerable.Range(0, _options.MaxConcurrentEpisodes).Select(_ => Task.Run(() => WorkAsync(cancellationToken), CancellationToken.None));

    /// <summary>Asks the partition's poller to look at the due index now rather than at its next interval.</summary>
    public void Notify(string partition)
    {
        if (_pollers.TryGetValue(partition, out var poller))
        {
            poller.Wake();
        }
    }

    public async Task StopAsync()
    {
        foreach (var partition in _pollers.Keys.ToList())
        {
            StopPartition(partition);
        }

        _ready.Writer.TryComplete();
        await Task.CompletedTask;
    }

    public void Dispose() => _activitySlots.Dispose();

    private void StartPolling(string partition)
    {
        var poller = new PartitionPoller(partition);
        if (_pollers.TryAdd(partition, poller))
        {
            _ = Task.Run(() => PollAsync(poller));
        }
    }

    private void StopPartition(string partition)
    {
        if (_pollers.TryRemove(partition, out var poller))
        {
            poller.Stop();
        }

        foreach (var active in _active.Values.Where(active => active.Partition == partition))
        {
            lock (active)
            {
                Evict(active);
            }
        }
    }

    private async Task PollAsync(PartitionPoller poller)
    {
        var token = poller.Stopping;
        try
        {
            foreach (var instanceId in await _store.ReadRecoveryIndexAsync(poller.Partition, token))
            {
                Offer(instanceId, poller.Partition, [], load: true);
            }

            var interval = MinPollInterval;
            while (!token.IsCancellationRequested)
            {
                var due = await _store.ReadDueAsync(poller.Partition, _options.Clock.GetUtcNow().UtcDateTime, DuePageSize, token);
                var offered = 0;
                foreach (var group in due.GroupBy(message => message.InstanceId, StringComparer.Ordinal))
                {
                    offered += Offer(group.Key, poller.Partition, group.ToList(), load: false);
                }

                interval = offered > 0 ? MinPollInterval : TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _options.MaxPollInterval.Ticks));
                await poller.WaitAsync(interval);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Storage unreachable (the SDK then throws RequestFailedException or, after its retries, AggregateException):
            // poll again after a pause rather than leave the partition unwatched.
            LogPollFailed(exception, poller.Partition);
            if (_pollers.TryRemove(new KeyValuePair<string, PartitionPoller>(poller.Partition, poller)))
            {
                await Task.Delay(_options.MaxPollInterval, CancellationToken.None);
                StartPolling(poller.Partition);
            }
        }
        finally
        {
            poller.Dispose();
        }
    }

    /// <returns>How many of the messages were new to this process.</returns>
    private int Offer(string instanceId, string partition, IReadOnlyList<DueMessage> messages, bool load)
    {
        while (true)
        {
            var active = _active.GetOrAdd(instanceId, id => new ActiveInstance(id, partition));
            lock (active)
            {
                if (active.Evicted)
                {
                    continue;
                }

                var added = 0;
                foreach (var message in messages)
                {
                    added += active.Messages.TryAdd(message.RowKey, message) ? 1 : 0;
                }

                active.NeedsLoad |= load;
                if (added > 0 || load)
                {
                    Enqueue(active);
                }
                else if (!active.Queued && !active.HasWork && active.RunningActivities.Count == 0)
                {
                    Evict(active);
                }

                return added;
            }
        }
    }

    private void Enqueue(ActiveInstance active)
    {
        if (!active.Queued)
        {
            active.Queued = true;
            _ready.Writer.TryWrite(active);
        }
    }

    private void Evict(ActiveInstance active)
    {
        active.Evicted = true;
        _active.TryRemove(new KeyValuePair<string, ActiveInstance>(active.InstanceId, active));
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var active in _ready.Reader.ReadAllAsync(cancellationToken))
            {
                await RunEpisodeAsync(active, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunEpisodeAsync(ActiveInstance active, CancellationToken cancellationToken)
    {
        List<DueMessage> messages;
        List<TaskResultEvent> results;
        bool load;
        lock (active)
        {
            if (active.Evicted)
            {
                return;
            }

            messages = active.Messages.Values.ToList();
            results = active.Results.ToList();
            load = active.NeedsLoad || active.State is null or { IsTerminal: true };
            active.NeedsLoad = false;
        }

        var succeeded = false;
        try
        {
            if (!_leases.Owns(active.Partition))
            {
                return;
            }

            if (load)
            {
                active.State = await _store.LoadAsync(active.InstanceId, cancellationToken);
            }

            if (active.State is not { } state)
            {
                await _store.DeleteRowsAsync(active.Partition, messages.Select(message => message.RowKey), cancellationToken);
                succeeded = true;
                return;
            }

            var plan = _planner.Plan(state, messages, results, _options.Clock.GetUtcNow().UtcDateTime);
            if (plan.Commit is not null)
            {
                if (!_leases.Owns(active.Partition))
                {
                    return;
                }

                state.ETag = await _store.CommitAsync(plan.Commit, cancellationToken);
                state.History.AddRange(plan.Commit.NewHistory);
                Interlocked.Add(ref _eventsProcessed, plan.EventsProcessed);
            }

            await _store.DeleteRowsAsync(active.Partition, plan.OrphanKeys, cancellationToken);
            var activities = load && !state.IsTerminal ? PendingWork.Of(state.History).Activities.ToList() : plan.ActivitiesToRun;
            StartActivities(active, state, activities, cancellationToken);
            await DeliverOutboxAsync(state, cancellationToken);
            lock (active)
            {
                foreach (var message in messages)
                {
                    active.Messages.Remove(message.RowKey);
                }

                active.Results.RemoveAll(results.Contains);
                active.FailedAttempts = 0;
                if (plan.NextStart is { } nextStart)
                {
                    active.Messages[nextStart.RowKey] = nextStart;
                }
            }

            succeeded = true;
        }
        catch (Exception exception) when (IsConflict(exception))
        {
            // Another writer changed the instance, or a message was consumed already: start again from storage.
            lock (active)
            {
                active.State = null;
                active.Messages.Clear();
                active.NeedsLoad = true;
            }

            succeeded = true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await HandleFailureAsync(active, exception, cancellationToken);
            succeeded = true;
        }
        finally
        {
            lock (active)
            {
                active.Queued = false;
                if (!succeeded || active.Evicted)
                {
                    Evict(active);
                }
                else if (active.HasWork)
                {
                    Enqueue(active);
                }
                else if (active.RunningActivities.Count == 0)
                {
                    Evict(active);
                }
            }
        }
    }

    private async Task HandleFailureAsync(ActiveInstance active, Exception exception, CancellationToken cancellationToken)
    {
        int attempts;
        lock (active)
        {
            attempts = ++active.FailedAttempts;
            active.State = null;
            active.NeedsLoad = true;
        }

        LogEpisodeFailed(exception, active.InstanceId, attempts, _options.MaxEpisodeAttempts);
        if (attempts < _options.MaxEpisodeAttempts)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100 * attempts), cancellationToken);
            return;
        }

        try
        {
            await FailAsPoisonAsync(active, exception, attempts, cancellationToken);
        }
        catch (Exception poisonFailure) when (poisonFailure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Recording the failure failed too (storage down): keep the instance queued and try again shortly.
            LogPoisonNotRecorded(poisonFailure, active.InstanceId);
            await Task.Delay(_options.MaxPollInterval, cancellationToken);
            return;
        }

        lock (active)
        {
            active.NeedsLoad = false;
            active.Messages.Clear();
            active.Results.Clear();
        }
    }

    private async Task FailAsPoisonAsync(ActiveInstance active, Exception exception, int attempts, CancellationToken cancellationToken)
    {
        var state = await _store.LoadAsync(active.InstanceId, cancellationToken);
        if (state is null || state.IsTerminal)
        {
            return;
        }

        state.Status = OrchestrationRuntimeStatus.Failed;
        state.Failure = new TaskFailureDetails(
            "PoisonWorkItem", $"Gave up after {attempts} failed attempts at an episode: {exception.GetType().Name}: {exception.Message}", exception.StackTrace, null);
        state.LastUpdatedAt = _options.Clock.GetUtcNow();
        var deletes = new List<string>();
        if (state.TimerDueKey is not null)
        {
            deletes.Add(state.TimerDueKey);
            state.TimerDueKey = null;
        }

        if (state.InRecoveryIndex && state.Outbox.Count == 0)
        {
            deletes.Add(RowKeys.Recovery(state.InstanceId));
            state.InRecoveryIndex = false;
        }

        await _store.CommitAsync(new EpisodeCommit(state, [], state.HistoryChunks, deletes, [], []), cancellationToken);
        LogPoisoned(active.InstanceId, attempts);
    }

    private void StartActivities(ActiveInstance active, InstanceState state, IReadOnlyList<TaskScheduled> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities)
        {
            lock (active)
            {
                if (!active.RunningActivities.Add(activity.TaskId))
                {
                    continue;
                }
            }

            _ = Task.Run(() => RunActivityAsync(active, state.InstanceId, state.ExecutionId, activity, cancellationToken), CancellationToken.None);
        }
    }

    private async Task RunActivityAsync(ActiveInstance active, string instanceId, string executionId, TaskScheduled activity, CancellationToken cancellationToken)
    {
        TaskResultEvent result;
        await _activitySlots.WaitAsync(cancellationToken);
        try
        {
            if (!_registry.TryGetActivity(activity.Name, out var run))
            {
                throw new InvalidOperationException($"No activity is registered under the name '{activity.Name}'.");
            }

            result = new TaskCompleted(activity.TaskId, await run(new TaskActivityContext(activity.Name, instanceId, executionId, activity.TaskId), activity.Input));
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            result = new TaskFailed(activity.TaskId, TaskFailureDetails.FromException(exception));
        }
        finally
        {
            _activitySlots.Release();
        }

        lock (active)
        {
            active.RunningActivities.Remove(activity.TaskId);
            if (active.Evicted)
            {
                return;
            }

            active.Results.Add(result);
            Enqueue(active);
        }
    }

    private async Task DeliverOutboxAsync(InstanceState state, CancellationToken cancellationToken)
    {
        if (state.Outbox.Count == 0)
        {
            return;
        }

        var now = _options.Clock.GetUtcNow().UtcDateTime;
        foreach (var message in state.Outbox.Values)
        {
            switch (message)
            {
                case StartChildMessage start:
                    await _childStarter.StartChildAsync(start.TargetInstanceId, start.Name, start.Input, start.Parent, cancellationToken);
                    break;
                case NotifyParentMessage notify:
                    await _store.SendAsync(notify.TargetInstanceId, notify.Result, notify.MessageId, notify.TargetExecutionId, now, cancellationToken);
                    Notify(_store.PartitionOf(notify.TargetInstanceId));
                    break;
            }
        }

        var deletes = state.Outbox.Keys.ToList();
        state.Outbox.Clear();
        if (state.InRecoveryIndex && (state.IsTerminal || !PendingWork.Of(state.History).Activities.Any()))
        {
            deletes.Add(RowKeys.Recovery(state.InstanceId));
            state.InRecoveryIndex = false;
        }

        state.ETag = await _store.CommitAsync(new EpisodeCommit(state, [], state.HistoryChunks, deletes, [], []), cancellationToken);
    }

    private static bool IsConflict(Exception exception) => exception switch
    {
        TableTransactionFailedException failed => failed.Status is 412 or 404 or 409,
        RequestFailedException failed => failed.Status is 412 or 404 or 409,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the due index of partition {Partition} failed; polling again after a pause")]
    private partial void LogPollFailed(Exception exception, string partition);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Episode of {InstanceId} failed (attempt {Attempt} of {MaxAttempts})")]
    private partial void LogEpisodeFailed(Exception exception, string instanceId, int attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Renewing and balancing partition leases failed; retrying")]
    private partial void LogLeaseRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recording instance {InstanceId} as failed did not succeed; retrying")]
    private partial void LogPoisonNotRecorded(Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} failed as poison after {Attempts} attempts")]
    private partial void LogPoisoned(string instanceId, int attempts);
}
