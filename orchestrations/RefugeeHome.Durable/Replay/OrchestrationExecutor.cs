using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Replay;

/// <summary>
/// Runs one episode: replays the recorded history through the orchestrator, then feeds it the new events, and returns
/// what it scheduled and how it ended. Pure: it reads no clock and touches no storage.
/// </summary>
internal sealed class OrchestrationExecutor(DurableTaskRegistry registry)
{
    /// <param name="instanceId">The instance.</param>
    /// <param name="past">History recorded by earlier episodes of this execution.</param>
    /// <param name="newEvents">Events of this episode, starting with <see cref="OrchestratorStarted"/>.</param>
    /// <param name="customStatus">Custom status as of the last episode.</param>
    /// <param name="executionId">The execution, which a continue-as-new replaces; deterministic GUIDs differ per execution.</param>
    public EpisodeResult Execute(string instanceId, IReadOnlyList<HistoryEvent> past, IReadOnlyList<HistoryEvent> newEvents, string? customStatus, string executionId)
    {
        ArgumentNullException.ThrowIfNull(past);
        ArgumentNullException.ThrowIfNull(newEvents);
        var context = new ReplayOrchestrationContext(instanceId, executionId, registry.Payloads, customStatus);
        var pump = new OrchestrationSynchronizationContext();
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(pump);
        Task<string?>? orchestration = null;
        try
        {
            context.Replaying = true;
            foreach (var recorded in past)
            {
                if (Apply(context, pump, recorded, ref orchestration) is { } ended)
                {
                    return new EpisodeResult(newEvents, ended, context.CustomStatus);
                }
            }

            context.EnsureEverythingRecorded();
            context.Replaying = false;
            var history = new List<HistoryEvent>(newEvents);
            foreach (var fresh in newEvents)
            {
                if (Apply(context, pump, fresh, ref orchestration) is { } ended)
                {
                    return new EpisodeResult(history, ended, context.CustomStatus);
                }

                if (fresh is not OrchestratorStarted)
                {
                    history.AddRange(context.TakeNewWork());
                }
            }

            history.AddRange(context.TakeNewWork());
            return new EpisodeResult(history, Outcome(context, orchestration), context.CustomStatus);
        }
        catch (NonDeterministicOrchestrationException exception)
        {
            return new EpisodeResult(newEvents, new ExecutionFailedOutcome(TaskFailureDetails.FromException(exception)), context.CustomStatus);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private ExecutionOutcome? Apply(
        ReplayOrchestrationContext context, OrchestrationSynchronizationContext pump, HistoryEvent historyEvent, ref Task<string?>? orchestration)
    {
        switch (historyEvent)
        {
            case OrchestratorStarted started:
                context.SetTime(started.Timestamp);
                break;
            case ExecutionStarted started:
                context.Start(started);
                if (!registry.TryGetOrchestrator(started.Name, out var orchestrator))
                {
                    return new ExecutionFailedOutcome(new TaskFailureDetails(
                        typeof(InvalidOperationException).FullName!, $"No orchestrator is registered under the name '{started.Name}'.", null, null));
                }

                orchestration = RunGuarded(orchestrator, context, started.Input);
                break;
            case TaskScheduled scheduled:
                context.MatchRecorded(scheduled, scheduled.TaskId);
                break;
            case TimerCreated timer:
                context.MatchRecorded(timer, timer.TaskId);
                break;
            case SubOrchestrationCreated created:
                context.MatchRecorded(created, created.TaskId);
                break;
            case TaskResultEvent result:
                context.CompleteTask(result);
                break;
            case EventRaised raised:
                context.RaiseEvent(raised);
                break;
            case ExecutionTerminated terminated:
                return new ExecutionTerminatedOutcome(terminated.Reason);
        }

        pump.RunPending();
        return context.Replaying ? null : EndedEarly(context, orchestration);
    }

    // Once the orchestrator has finished, events later in the same batch are not delivered to it.
    private static ExecutionOutcome? EndedEarly(ReplayOrchestrationContext context, Task<string?>? orchestration) =>
        context.ContinuedAsNew is not null || orchestration is { IsCompleted: true } ? Outcome(context, orchestration) : null;

    private static ExecutionOutcome? Outcome(ReplayOrchestrationContext context, Task<string?>? orchestration)
    {
        if (context.ContinuedAsNew is { } continued)
        {
            return continued with { CarriedEvents = context.UnprocessedEvents() };
        }

        return orchestration switch
        {
            null or { IsCompleted: false } => null,
            { IsCompletedSuccessfully: true } => new ExecutionCompletedOutcome(orchestration.Result),
            { Exception: { } failure } => new ExecutionFailedOutcome(TaskFailureDetails.FromException(failure.InnerExceptions.Count == 1 ? failure.InnerException! : failure)),
            _ => new ExecutionFailedOutcome(new TaskFailureDetails(typeof(TaskCanceledException).FullName!, "The orchestrator was canceled.", null, null)),
        };
    }

    private static Task<string?> RunGuarded(Func<TaskOrchestrationContext, string?, Task<string?>> orchestrator, TaskOrchestrationContext context, string? input)
    {
        try
        {
            return orchestrator(context, input);
        }
        catch (Exception exception) when (exception is not NonDeterministicOrchestrationException)
        {
            return Task.FromException<string?>(exception);
        }
    }
}
