using Microsoft.Extensions.Logging;

namespace RefugeeHome.Durable;

/// <summary>
/// What an orchestrator sees of the world; it mirrors Durable Task's <c>TaskOrchestrationContext</c>. Orchestrator code
/// is replayed from history: it must get time, ids and outside data only through this context, and must not use
/// <c>ConfigureAwait(false)</c>, <c>Task.Run</c> or <c>Task.Delay</c>.
/// </summary>
public abstract class TaskOrchestrationContext
{
    /// <summary>Id of this orchestration instance.</summary>
    public abstract string InstanceId { get; }

    /// <summary>Name the orchestrator was registered under.</summary>
    public abstract string Name { get; }

    /// <summary>The time of the current episode, the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the orchestrator is re-running recorded history.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>Reads the orchestration's input.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Runs an activity and returns its result; retries follow <paramref name="options"/>.</summary>
    /// <exception cref="TaskFailedException">The activity failed on its last attempt.</exception>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, TaskOptions? options = null);

    /// <summary>Runs an activity that returns nothing.</summary>
    public Task CallActivityAsync(string name, object? input = null, TaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>A durable timer that fires at <paramref name="fireAt"/> (UTC); it survives restarts.</summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>A durable timer that fires after <paramref name="delay"/>.</summary>
    public Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// Waits for the next external event named <paramref name="eventName"/>. Events raised before the wait are kept
    /// and delivered in the order they were raised, each once.
    /// </summary>
    public abstract Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits for an external event for at most <paramref name="timeout"/>.
    /// </summary>
    /// <exception cref="TaskCanceledException">No event arrived in time.</exception>
    public async Task<T> WaitForExternalEvent<T>(string eventName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var timerCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var eventCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeoutTask = CreateTimer(CurrentUtcDateTime.Add(timeout), timerCancellation.Token);
        var eventTask = WaitForExternalEvent<T>(eventName, eventCancellation.Token);
        var winner = await Task.WhenAny(timeoutTask, eventTask);

        // Cancel synchronously: CancelAsync would run the callbacks on the thread pool, outside the replay.
#pragma warning disable CA1849
        (winner == eventTask ? timerCancellation : eventCancellation).Cancel();
#pragma warning restore CA1849

        return await eventTask;
    }

    /// <summary>Runs a child orchestration and returns its output.</summary>
    /// <exception cref="TaskFailedException">The child failed on its last attempt.</exception>
    public abstract Task<TResult> CallSubOrchestratorAsync<TResult>(string name, object? input = null, SubOrchestrationOptions? options = null);

    /// <summary>
    /// Ends this execution and starts the orchestrator again with <paramref name="newInput"/> and an empty history.
    /// External events not yet consumed are carried over when <paramref name="preserveUnprocessedEvents"/> is true.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay and unique across instances and calls.</summary>
    public abstract Guid NewGuid();

    /// <summary>
    /// Sets the instance's custom status, readable by clients. It must carry ids and stages only, never personal data.
    /// </summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>A logger that writes only when the orchestrator is not replaying, so each line appears once.</summary>
    public abstract ILogger CreateReplaySafeLogger(ILogger logger);
}
