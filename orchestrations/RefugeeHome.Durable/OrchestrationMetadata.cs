using System.Text.Json;

namespace RefugeeHome.Durable;

/// <summary>What a client can read about an instance.</summary>
public sealed record OrchestrationMetadata
{
    internal JsonSerializerOptions? SerializerOptions { get; init; }

    /// <summary>Orchestrator name.</summary>
    public required string Name { get; init; }

    /// <summary>Instance id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Where the instance stands.</summary>
    public required OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When its state last changed.</summary>
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Input as JSON, when inputs and outputs were requested.</summary>
    public string? SerializedInput { get; init; }

    /// <summary>Output as JSON (or the termination reason), when inputs and outputs were requested.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>Custom status as JSON.</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Why the instance failed.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>True once the instance has completed, failed or been terminated.</summary>
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    /// <summary>Reads the input.</summary>
    public T? ReadInputAs<T>() => Read<T>(SerializedInput);

    /// <summary>Reads the output.</summary>
    public T? ReadOutputAs<T>() => Read<T>(SerializedOutput);

    /// <summary>Reads the custom status.</summary>
    public T? ReadCustomStatusAs<T>() => Read<T>(SerializedCustomStatus);

    private T? Read<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, SerializerOptions);
}

/// <summary>Which instances <see cref="DurableTaskClient.GetAllInstancesAsync"/> returns.</summary>
/// <param name="Statuses">Only these statuses; null for all.</param>
/// <param name="CreatedFrom">Created at or after this time.</param>
/// <param name="CreatedTo">Created before this time.</param>
/// <param name="FetchInputsAndOutputs">Include inputs and outputs.</param>
public sealed record OrchestrationQuery(
    IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    bool FetchInputsAndOutputs = false);

/// <summary>Which finished instances <see cref="DurableTaskClient.PurgeAllInstancesAsync"/> deletes.</summary>
/// <param name="CreatedTo">Created before this time.</param>
/// <param name="Statuses">Only these finished statuses; null for every finished status.</param>
public sealed record PurgeInstancesFilter(DateTimeOffset CreatedTo, IReadOnlyCollection<OrchestrationRuntimeStatus>? Statuses = null);

/// <summary>Options of a new instance.</summary>
/// <param name="InstanceId">Id to use; null generates one.</param>
/// <param name="StartAt">When to start; null starts at once.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
