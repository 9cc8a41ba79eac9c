using System.Text.Json.Serialization;

namespace RefugeeHome.Durable.History;

/// <summary>
/// One entry of an orchestration's history. Replaying the history re-runs the orchestrator to the same point; the
/// scheduling events (<see cref="TaskScheduled"/>, <see cref="TimerCreated"/>, <see cref="SubOrchestrationCreated"/>)
/// are checked against what the code asks for, so a changed command sequence is caught instead of silently diverging.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$e")]
[JsonDerivedType(typeof(OrchestratorStarted), "os")]
[JsonDerivedType(typeof(ExecutionStarted), "es")]
[JsonDerivedType(typeof(TaskScheduled), "ts")]
[JsonDerivedType(typeof(TaskCompleted), "tc")]
[JsonDerivedType(typeof(TaskFailed), "tf")]
[JsonDerivedType(typeof(TimerCreated), "mc")]
[JsonDerivedType(typeof(TimerFired), "mf")]
[JsonDerivedType(typeof(SubOrchestrationCreated), "sc")]
[JsonDerivedType(typeof(SubOrchestrationCompleted), "sd")]
[JsonDerivedType(typeof(SubOrchestrationFailed), "sf")]
[JsonDerivedType(typeof(EventRaised), "er")]
[JsonDerivedType(typeof(ExecutionTerminated), "et")]
internal abstract record HistoryEvent;

/// <summary>Starts an episode; its timestamp is the orchestrator's <c>CurrentUtcDateTime</c>.</summary>
internal sealed record OrchestratorStarted(DateTime Timestamp) : HistoryEvent;

/// <summary>The first event of an execution.</summary>
internal sealed record ExecutionStarted(string Name, string? Input, ParentInstance? Parent) : HistoryEvent;

/// <summary>Where a sub-orchestration reports its result.</summary>
internal sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskId);

/// <summary>Base of the events that answer a scheduled task, timer or sub-orchestration.</summary>
internal abstract record TaskResultEvent(int TaskId) : HistoryEvent;

internal sealed record TaskScheduled(int TaskId, string Name, string? Input) : HistoryEvent;

internal sealed record TaskCompleted(int TaskId, string? Result) : TaskResultEvent(TaskId);

internal sealed record TaskFailed(int TaskId, TaskFailureDetails Failure) : TaskResultEvent(TaskId);

internal sealed record TimerCreated(int TaskId, DateTime FireAt) : HistoryEvent;

internal sealed record TimerFired(int TaskId, DateTime FireAt) : TaskResultEvent(TaskId);

internal sealed record SubOrchestrationCreated(int TaskId, string Name, string InstanceId, string? Input) : HistoryEvent;

internal sealed record SubOrchestrationCompleted(int TaskId, string? Result) : TaskResultEvent(TaskId);

internal sealed record SubOrchestrationFailed(int TaskId, TaskFailureDetails Failure) : TaskResultEvent(TaskId);

/// <summary>An external event; <paramref name="MessageId"/> lets a redelivered message be recognised and dropped.</summary>
internal sealed record EventRaised(string Name, string? Input, string MessageId) : HistoryEvent;

internal sealed record ExecutionTerminated(string? Reason) : HistoryEvent;
