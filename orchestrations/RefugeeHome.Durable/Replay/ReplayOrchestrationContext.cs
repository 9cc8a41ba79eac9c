using System.Globalization;
using Microsoft.Extensions.Logging;
using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Replay;

/// <summary>
/// The context an orchestrator runs against during one episode. It re-runs the orchestrator over the recorded history,
/// checks that the work the code schedules matches what was recorded, and collects the work scheduled anew.
/// </summary>
internal sealed class ReplayOrchestrationContext : TaskOrchestrationContext
{
    private readonly PayloadSerializer _payloads;
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly SortedDictionary<int, HistoryEvent> _unrecordedWork = [];
    private readonly Dictionary<string, LinkedList<Action<EventRaised>>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<EventRaised>> _bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private string? _input;
    private string _name = "";
    private int _nextTaskId;
    private int _guidCounter;
    private DateTime _currentUtcDateTime;

    private readonly string _executionId;

    public ReplayOrchestrationContext(string instanceId, string executionId, PayloadSerializer payloads, string? customStatus)
    {
        InstanceId = instanceId;
        _executionId = executionId;
        _payloads = payloads;
        CustomStatus = customStatus;
    }

    public override string InstanceId { get; }

    public override string Name => _name;

    public override DateTime CurrentUtcDateTime => _currentUtcDateTime;

    public override bool IsReplaying => Replaying;

    public bool Replaying { get; set; }

    public string? CustomStatus { get; private set; }

    public ContinuedAsNewOutcome? ContinuedAsNew { get; private set; }

    private bool _preserveUnprocessedEvents;

    public void Start(ExecutionStarted started)
    {
        _name = started.Name;
        _input = started.Input;
    }

    public void SetTime(DateTime utc) => _currentUtcDateTime = utc;

    public override T? GetInput<T>() where T : default => _payloads.Deserialize<T>(_input);

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serializedInput = _payloads.Serialize(input);
        return await WithRetry(options?.Retry, () =>
        {
            var taskId = _nextTaskId++;
            return Schedule<TResult>(new TaskScheduled(taskId, name, serializedInput), name);
        });
    }

    public override async Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, SubOrchestrationOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var serializedInput = _payloads.Serialize(input);
        return await WithRetry(options?.Retry, () =>
        {
            var taskId = _nextTaskId++;
            var childId = options?.InstanceId ?? string.Create(CultureInfo.InvariantCulture, $"{InstanceId}:{taskId}");
            return Schedule<TResult>(new SubOrchestrationCreated(taskId, name, childId, serializedInput), name);
        });
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        var taskId = _nextTaskId++;
        var completion = new TaskCompletionSource();
        Record(new TimerCreated(taskId, fireAt.Kind == DateTimeKind.Utc ? fireAt : fireAt.ToUniversalTime()));
        _openTasks[taskId] = new OpenTask("timer", _ => completion.TrySetResult());
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                _openTasks.Remove(taskId);
                completion.TrySetCanceled(cancellationToken);
            });
        }

        return completion.Task;
    }

    public override Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (_bufferedEvents.TryGetValue(eventName, out var buffered) && buffered.TryDequeue(out var early))
        {
            return Task.FromResult(_payloads.Deserialize<T>(early.Input)!);
        }

        var completion = new TaskCompletionSource<T>();
        if (!_eventWaiters.TryGetValue(eventName, out var waiters))
        {
            waiters = new LinkedList<Action<EventRaised>>();
            _eventWaiters[eventName] = waiters;
        }

        var node = waiters.AddLast(raised => Complete(completion, () => _payloads.Deserialize<T>(raised.Input)!));
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }

                completion.TrySetCanceled(cancellationToken);
            });
        }

        return completion.Task;
    }

    public override void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true)
    {
        ContinuedAsNew = new ContinuedAsNewOutcome(_payloads.Serialize(newInput), []);
        _preserveUnprocessedEvents = preserveUnprocessedEvents;
    }

    public IReadOnlyList<EventRaised> UnprocessedEvents() =>
        _preserveUnprocessedEvents ? _bufferedEvents.Values.SelectMany(queue => queue).ToList() : [];

    public override Guid NewGuid() =>
        DeterministicGuid.Create(string.Create(CultureInfo.InvariantCulture,
            $"{InstanceId}_{_executionId}_{CurrentUtcDateTime:o}_{_guidCounter++}"));

    public override void SetCustomStatus(object? customStatus) => CustomStatus = _payloads.Serialize(customStatus);

    public override ILogger CreateReplaySafeLogger(ILogger logger) => new ReplaySafeLogger(this, logger);

    /// <summary>Matches a scheduling event from history with the work the code scheduled under the same id.</summary>
    public void MatchRecorded(HistoryEvent recorded, int taskId)
    {
        if (!_unrecordedWork.Remove(taskId, out var scheduled))
        {
            throw new NonDeterministicOrchestrationException(
                $"History of '{InstanceId}' records {Describe(recorded)} as task #{taskId}, but the orchestrator no longer schedules it.");
        }

        if (!SameWork(recorded, scheduled))
        {
            throw new NonDeterministicOrchestrationException(
                $"History of '{InstanceId}' records {Describe(recorded)} as task #{taskId}, but the orchestrator now schedules {Describe(scheduled)}.");
        }
    }

    /// <summary>After replaying recorded history, every piece of work the code asked for must have been recorded.</summary>
    public void EnsureEverythingRecorded()
    {
        if (_unrecordedWork.Count > 0)
        {
            var (taskId, work) = _unrecordedWork.First();
            throw new NonDeterministicOrchestrationException(
                $"The orchestrator of '{InstanceId}' schedules {Describe(work)} as task #{taskId} during replay, which its history does not record.");
        }
    }

    /// <summary>Work scheduled in this episode, in the order it was scheduled.</summary>
    public IReadOnlyList<HistoryEvent> TakeNewWork()
    {
        var work = _unrecordedWork.Values.ToList();
        _unrecordedWork.Clear();
        return work;
    }

    public void CompleteTask(TaskResultEvent result)
    {
        if (_openTasks.Remove(result.TaskId, out var open))
        {
            open.Complete(result);
        }
    }

    public void RaiseEvent(EventRaised raised)
    {
        if (_eventWaiters.TryGetValue(raised.Name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value(raised);
            return;
        }

        if (!_bufferedEvents.TryGetValue(raised.Name, out var queue))
        {
            queue = new Queue<EventRaised>();
            _bufferedEvents[raised.Name] = queue;
        }

        queue.Enqueue(raised);
    }

    private Task<TResult> Schedule<TResult>(HistoryEvent work, string name)
    {
        var taskId = work switch
        {
            TaskScheduled scheduled => scheduled.TaskId,
            SubOrchestrationCreated created => created.TaskId,
            _ => throw new ArgumentOutOfRangeException(nameof(work)),
        };
        Record(work);
        var completion = new TaskCompletionSource<TResult>();
        _openTasks[taskId] = new OpenTask(name, result =>
        {
            switch (result)
            {
                case TaskCompleted completed:
                    Complete(completion, () => _payloads.Deserialize<TResult>(completed.Result)!);
                    break;
                case SubOrchestrationCompleted completed:
                    Complete(completion, () => _payloads.Deserialize<TResult>(completed.Result)!);
                    break;
                case TaskFailed failed:
                    completion.TrySetException(new TaskFailedException(name, taskId, failed.Failure));
                    break;
                case SubOrchestrationFailed failed:
                    completion.TrySetException(new TaskFailedException(name, taskId, failed.Failure));
                    break;
                default:
                    completion.TrySetException(new NonDeterministicOrchestrationException(
                        $"Task #{taskId} of '{InstanceId}' ({name}) received {result.GetType().Name}, which does not answer it."));
                    break;
            }
        });
        return completion.Task;
    }

    private async Task<TResult> WithRetry<TResult>(RetryPolicy? policy, Func<Task<TResult>> attempt)
    {
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt();
            }
            catch (TaskFailedException) when (policy is not null && number < policy.MaxNumberOfAttempts)
            {
                await CreateTimer(CurrentUtcDateTime.Add(policy.DelayAfter(number)), CancellationToken.None);
            }
        }
    }

    private void Record(HistoryEvent work) =>
        _unrecordedWork.Add(work switch
        {
            TaskScheduled scheduled => scheduled.TaskId,
            TimerCreated timer => timer.TaskId,
            SubOrchestrationCreated created => created.TaskId,
            _ => throw new ArgumentOutOfRangeException(nameof(work)),
        }, work);

    private static void Complete<T>(TaskCompletionSource<T> completion, Func<T> read)
    {
        try
        {
            completion.TrySetResult(read());
        }
        catch (System.Text.Json.JsonException exception)
        {
            completion.TrySetException(exception);
        }
    }

    private static bool SameWork(HistoryEvent recorded, HistoryEvent scheduled) => (recorded, scheduled) switch
    {
        (TaskScheduled a, TaskScheduled b) => a.Name == b.Name,
        (SubOrchestrationCreated a, SubOrchestrationCreated b) => a.Name == b.Name && a.InstanceId == b.InstanceId,
        (TimerCreated, TimerCreated) => true,
        _ => false,
    };

    private static string Describe(HistoryEvent work) => work switch
    {
        TaskScheduled scheduled => $"activity '{scheduled.Name}'",
        SubOrchestrationCreated created => $"sub-orchestration '{created.Name}' ({created.InstanceId})",
        TimerCreated => "a timer",
        _ => work.GetType().Name,
    };

    private sealed record OpenTask(string Name, Action<TaskResultEvent> Complete);
}
