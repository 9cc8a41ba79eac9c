using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Replay;

/// <summary>What one episode of an orchestrator produced.</summary>
/// <param name="NewHistory">Events to append: the episode's start, the events it consumed and the work it scheduled.</param>
/// <param name="Outcome">How the execution ended, or null while it still waits.</param>
/// <param name="CustomStatus">The custom status as JSON.</param>
internal sealed record EpisodeResult(IReadOnlyList<HistoryEvent> NewHistory, ExecutionOutcome? Outcome, string? CustomStatus);

internal abstract record ExecutionOutcome;

internal sealed record ExecutionCompletedOutcome(string? Output) : ExecutionOutcome;

internal sealed record ExecutionFailedOutcome(TaskFailureDetails Failure) : ExecutionOutcome;

internal sealed record ExecutionTerminatedOutcome(string? Reason) : ExecutionOutcome;

/// <param name="Input">Input of the next execution.</param>
/// <param name="CarriedEvents">External events the ended execution had not consumed.</param>
internal sealed record ContinuedAsNewOutcome(string? Input, IReadOnlyList<EventRaised> CarriedEvents) : ExecutionOutcome;
