using System.Text.Json.Serialization;
using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Storage;

/// <summary>
/// Work for another instance, written in the same transaction as the history that caused it and delivered after the
/// commit. Delivery is idempotent, so a redelivery after a crash changes nothing.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$o")]
[JsonDerivedType(typeof(StartChildMessage), "start")]
[JsonDerivedType(typeof(NotifyParentMessage), "notify")]
internal abstract record OutboxMessage(string TargetInstanceId);

internal sealed record StartChildMessage(string TargetInstanceId, string Name, string? Input, ParentInstance Parent) : OutboxMessage(TargetInstanceId);

internal sealed record NotifyParentMessage(string TargetInstanceId, string TargetExecutionId, HistoryEvent Result, string MessageId) : OutboxMessage(TargetInstanceId);
