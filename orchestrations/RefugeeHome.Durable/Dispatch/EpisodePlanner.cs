using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using RefugeeHome.Durable.History;
using RefugeeHome.Durable.Replay;
using RefugeeHome.Durable.Storage;

namespace RefugeeHome.Durable.Dispatch;

/// <summary>
/// Turns an instance's state, its due messages and finished activities into the next episode: the events to feed the
/// orchestrator, the history to append and every row change that must commit with it.
/// </summary>
internal sealed class EpisodePlanner(OrchestrationExecutor executor)
{
    // Rows left by older executions are deleted with later episodes, in whatever room the batch of 100 has left beside
    // the instance row, the episode's own changes and a margin for history chunks.
    private const int GarbageRoom = 90;

    public EpisodePlan Plan(InstanceState state, IReadOnlyList<DueMessage> messages, IReadOnlyList<TaskResultEvent> results, DateTime nowUtc)
    {
        if (state.IsTerminal)
        {
            return new EpisodePlan(null, [], messages.Select(message => message.RowKey).ToList(), 0, null);
        }

        var pending = PendingWork.Of(state.History);
        var events = new List<HistoryEvent> { new OrchestratorStarted(nowUtc) };
        var consumedKeys = new List<string>();
        var orphanKeys = new List<string>();
        var starting = state.Status == OrchestrationRuntimeStatus.Pending;
        if (starting)
        {
            var startSignal = messages.FirstOrDefault(message => RowKeys.IsStartSignalOf(message.RowKey, state.ExecutionId));
            if (startSignal is null || RowKeys.ParseDue(startSignal.RowKey).Due > nowUtc)
            {
                return new EpisodePlan(null, [], [], 0, null);
            }

            consumedKeys.Add(startSignal.RowKey);
            events.Add(new ExecutionStarted(state.Name, state.Input, state.Parent));
        }

        var taken = new HashSet<int>();
        var deliveredEvents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var message in messages.OrderBy(message => message.RowKey, StringComparer.Ordinal))
        {
            switch (message.Event)
            {
                case null:
                    break;
                case var _ when message.TargetExecutionId is not null && message.TargetExecutionId != state.ExecutionId:
                    orphanKeys.Add(message.RowKey);
                    break;
                case EventRaised raised when pending.ConsumedMessages.Contains(raised.MessageId) || !deliveredEvents.Add(raised.MessageId):
                    // A repeat of an event already delivered (an idempotent raise sent twice, or a stale read).
                    orphanKeys.Add(message.RowKey);
                    break;
                case TaskResultEvent result when !pending.Awaits(result.TaskId) || !taken.Add(result.TaskId):
                    orphanKeys.Add(message.RowKey);
                    break;
                default:
                    events.Add(message.Event);
                    consumedKeys.Add(message.RowKey);
                    break;
            }
        }

        events.AddRange(results.Where(result => pending.Awaits(result.TaskId) && taken.Add(result.TaskId)));
        events.AddRange(pending.Timers
            .Where(timer => timer.FireAt <= nowUtc && taken.Add(timer.TaskId))
            .OrderBy(timer => timer.FireAt)
            .Select(timer => new TimerFired(timer.TaskId, timer.FireAt)));
        if (events.Count == 1)
        {
            return new EpisodePlan(null, [], orphanKeys, 0, null);
        }

        var episode = executor.Execute(state.InstanceId, state.History, events, state.CustomStatus, state.ExecutionId);
        return Apply(state, episode, consumedKeys, orphanKeys, nowUtc, events.Count - 1);
    }

    private static EpisodePlan Apply(
        InstanceState state, EpisodeResult episode, List<string> consumedKeys, List<string> orphanKeys, DateTime nowUtc, int eventsProcessed)
    {
        var firstChunk = state.HistoryChunks;
        var inserts = new List<TableEntity>();
        var upserts = new List<TableEntity>();
        var deletes = new List<string>(consumedKeys);
        var appended = episode.NewHistory;
        state.Status = OrchestrationRuntimeStatus.Running;
        state.CustomStatus = episode.CustomStatus;
        state.LastUpdatedAt = nowUtc;

        foreach (var child in appended.OfType<SubOrchestrationCreated>())
        {
            AddOutbox(state, upserts, child.TaskId.ToString(CultureInfo.InvariantCulture),
                new StartChildMessage(child.InstanceId, child.Name, child.Input, new ParentInstance(state.InstanceId, state.ExecutionId, child.TaskId)));
        }

        DueMessage? nextStart = null;
        switch (episode.Outcome)
        {
            case ExecutionCompletedOutcome completed:
                state.Status = OrchestrationRuntimeStatus.Completed;
                state.Output = completed.Output;
                NotifyParent(state, upserts, parent => new SubOrchestrationCompleted(parent.TaskId, completed.Output));
                break;
            case ExecutionFailedOutcome failed:
                state.Status = OrchestrationRuntimeStatus.Failed;
                state.Failure = failed.Failure;
                NotifyParent(state, upserts, parent => new SubOrchestrationFailed(parent.TaskId, failed.Failure));
                break;
            case ExecutionTerminatedOutcome terminated:
                state.Status = OrchestrationRuntimeStatus.Terminated;
                state.Output = terminated.Reason;
                NotifyParent(state, upserts, parent => new SubOrchestrationFailed(parent.TaskId,
                    new TaskFailureDetails("Terminated", $"The sub-orchestration was terminated: {terminated.Reason}", null, null)));
                break;
            case ContinuedAsNewOutcome continued:
                nextStart = StartNextExecution(state, continued, deletes, inserts, nowUtc);
                appended = [];
                firstChunk = 0;
                break;
        }

        var pending = PendingWork.Of(state.History.Concat(appended));
        UpdateTimerIndex(state, pending, deletes, inserts);
        UpdateRecoveryIndex(state, pending, deletes, inserts);
        deletes.AddRange(TakeGarbage(state, GarbageRoom - deletes.Count - inserts.Count - upserts.Count));

        var commit = new EpisodeCommit(state, appended, firstChunk, deletes, inserts, upserts);
        var activities = state.IsTerminal ? [] : appended.OfType<TaskScheduled>().ToList();
        return new EpisodePlan(commit, activities, orphanKeys, eventsProcessed, nextStart);
    }

    private static DueMessage StartNextExecution(InstanceState state, ContinuedAsNewOutcome continued, List<string> deletes, List<TableEntity> inserts, DateTime nowUtc)
    {
        for (var chunk = 0; chunk < state.HistoryChunks; chunk++)
        {
            state.Garbage.Add(RowKeys.HistoryChunk(state.InstanceId, state.ExecutionId, chunk));
        }

        state.ExecutionId = Guid.NewGuid().ToString("N");
        state.Input = continued.Input;
        state.Output = null;
        state.Status = OrchestrationRuntimeStatus.Pending;
        state.HistoryChunks = 0;
        state.History.Clear();
        var startKey = RowKeys.StartSignal(nowUtc, state.InstanceId, state.ExecutionId);
        inserts.Add(InstanceRowMapper.DueRow(state.Partition, startKey, null, null));
        var order = 0;
        foreach (var carried in continued.CarriedEvents)
        {
            // Carried events keep their order and get rows of their own, since the rows they came from are deleted
            // in this same transaction. They are addressed to no execution in particular: if the new execution
            // continues as new before it reads them, the next one still gets them.
            order++;
            inserts.Add(InstanceRowMapper.DueRow(state.Partition,
                RowKeys.Due(nowUtc, state.InstanceId, string.Create(CultureInfo.InvariantCulture, $"{state.ExecutionId}.{order:D6}")), carried, null));
        }

        return new DueMessage(startKey, state.InstanceId, null, null);
    }

    private static List<string> TakeGarbage(InstanceState state, int room)
    {
        var taken = state.Garbage.Take(Math.Max(0, room)).ToList();
        state.Garbage.RemoveRange(0, taken.Count);
        return taken;
    }

    private static void UpdateTimerIndex(InstanceState state, PendingWork pending, List<string> deletes, List<TableEntity> inserts)
    {
        var next = state.IsTerminal ? null : pending.Timers.Select(timer => (DateTime?)timer.FireAt).Min();
        var wanted = next is null ? null : RowKeys.Due(next.Value, state.InstanceId, RowKeys.TimerSuffix);
        if (wanted == state.TimerDueKey)
        {
            return;
        }

        if (state.TimerDueKey is not null)
        {
            deletes.Add(state.TimerDueKey);
        }

        if (wanted is not null)
        {
            inserts.Add(new TableEntity(state.Partition, wanted));
        }

        state.TimerDueKey = wanted;
    }

    private static void UpdateRecoveryIndex(InstanceState state, PendingWork pending, List<string> deletes, List<TableEntity> inserts)
    {
        var wanted = state.Outbox.Count > 0 || (!state.IsTerminal && pending.Activities.Any());
        if (wanted == state.InRecoveryIndex)
        {
            return;
        }

        if (wanted)
        {
            inserts.Add(new TableEntity(state.Partition, RowKeys.Recovery(state.InstanceId)));
        }
        else
        {
            deletes.Add(RowKeys.Recovery(state.InstanceId));
        }

        state.InRecoveryIndex = wanted;
    }

    private static void NotifyParent(InstanceState state, List<TableEntity> upserts, Func<ParentInstance, HistoryEvent> result)
    {
        if (state.Parent is { } parent)
        {
            AddOutbox(state, upserts, "parent", new NotifyParentMessage(parent.InstanceId, parent.ExecutionId, result(parent), $"{state.InstanceId}.{state.ExecutionId}"));
        }
    }

    private static void AddOutbox(InstanceState state, List<TableEntity> upserts, string messageId, OutboxMessage message)
    {
        var key = RowKeys.Outbox(state.InstanceId, state.ExecutionId, messageId);
        state.Outbox[key] = message;
        upserts.Add(new TableEntity(state.Partition, key) { ["Message"] = JsonSerializer.Serialize(message, InstanceRowMapper.Json) });
    }
}
