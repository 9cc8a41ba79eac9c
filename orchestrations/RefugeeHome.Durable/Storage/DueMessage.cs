using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Storage;

/// <summary>A row of the due index: a message for an instance (<see cref="Event"/> set), a start or a timer signal.</summary>
/// <param name="RowKey">The row's key, needed to delete it once consumed.</param>
/// <param name="InstanceId">Instance it is for.</param>
/// <param name="Event">The message, or null for a start or timer signal.</param>
/// <param name="TargetExecutionId">Execution the message is for, or null for whichever runs.</param>
internal sealed record DueMessage(string RowKey, string InstanceId, HistoryEvent? Event, string? TargetExecutionId);
