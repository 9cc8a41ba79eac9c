using Azure;
using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Storage;

/// <summary>An instance as stored: its row, the history of its current execution and its undelivered outbox.</summary>
internal sealed class InstanceState
{
    public required string InstanceId { get; init; }

    public required string Partition { get; init; }

    public required string Name { get; set; }

    public required string ExecutionId { get; set; }

    public OrchestrationRuntimeStatus Status { get; set; }

    public string? Input { get; set; }

    public string? Output { get; set; }

    public string? CustomStatus { get; set; }

    public TaskFailureDetails? Failure { get; set; }

    public ParentInstance? Parent { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastUpdatedAt { get; set; }

    public int HistoryChunks { get; set; }

    public List<HistoryEvent> History { get; } = [];

    /// <summary>Due-index row of this instance's earliest pending timer, if any.</summary>
    public string? TimerDueKey { get; set; }

    /// <summary>True while the recovery-index row exists: activities or outbox messages are in flight.</summary>
    public bool InRecoveryIndex { get; set; }

    public Dictionary<string, OutboxMessage> Outbox { get; } = [];

    /// <summary>Rows left by older executions, deleted as later commits have room.</summary>
    public List<string> Garbage { get; } = [];

    public ETag ETag { get; set; }

    public bool IsTerminal => Status is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;
}
