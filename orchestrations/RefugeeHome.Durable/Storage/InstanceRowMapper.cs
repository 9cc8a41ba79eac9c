using System.Text.Json;
using Azure.Data.Tables;
using RefugeeHome.Durable.History;

namespace RefugeeHome.Durable.Storage;

/// <summary>Maps instance rows, history chunks and due rows to table entities and back.</summary>
internal static class InstanceRowMapper
{
    public const string KindProperty = "Kind";
    public const string InstanceKind = "I";
    public const string StatusProperty = "RuntimeStatus";
    public const string CreatedAtProperty = "CreatedAt";

    // Table string properties hold at most 32K UTF-16 characters; stay clear of that.
    public const int MaxPropertyChars = 30_000;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public static TableEntity ToEntity(InstanceState state) => new(state.Partition, RowKeys.Instance(state.InstanceId))
    {
        [KindProperty] = InstanceKind,
        ["InstanceId"] = state.InstanceId,
        ["Name"] = state.Name,
        ["ExecutionId"] = state.ExecutionId,
        [StatusProperty] = state.Status.ToString(),
        ["Input"] = Checked(state.Input, "input"),
        ["Output"] = Checked(state.Output, "output"),
        ["CustomStatus"] = Checked(state.CustomStatus, "custom status"),
        ["Failure"] = state.Failure is null ? null : Truncate(JsonSerializer.Serialize(state.Failure, Json)),
        ["Parent"] = state.Parent is null ? null : JsonSerializer.Serialize(state.Parent, Json),
        [CreatedAtProperty] = state.CreatedAt,
        ["LastUpdatedAt"] = state.LastUpdatedAt,
        ["HistoryChunks"] = state.HistoryChunks,
        ["TimerDueKey"] = state.TimerDueKey,
        ["InRecoveryIndex"] = state.InRecoveryIndex,
    };

    public static InstanceState FromEntity(TableEntity entity) => new()
    {
        InstanceId = entity.GetString("InstanceId"),
        Partition = entity.PartitionKey,
        Name = entity.GetString("Name"),
        ExecutionId = entity.GetString("ExecutionId"),
        Status = Enum.Parse<OrchestrationRuntimeStatus>(entity.GetString(StatusProperty)),
        Input = entity.GetString("Input"),
        Output = entity.GetString("Output"),
        CustomStatus = entity.GetString("CustomStatus"),
        Failure = entity.GetString("Failure") is { } failure ? JsonSerializer.Deserialize<TaskFailureDetails>(failure, Json) : null,
        Parent = entity.GetString("Parent") is { } parent ? JsonSerializer.Deserialize<ParentInstance>(parent, Json) : null,
        CreatedAt = entity.GetDateTimeOffset(CreatedAtProperty) ?? DateTimeOffset.MinValue,
        LastUpdatedAt = entity.GetDateTimeOffset("LastUpdatedAt") ?? DateTimeOffset.MinValue,
        HistoryChunks = entity.GetInt32("HistoryChunks") ?? 0,
        TimerDueKey = entity.GetString("TimerDueKey"),
        InRecoveryIndex = entity.GetBoolean("InRecoveryIndex") ?? false,
        ETag = entity.ETag,
    };

    /// <summary>Splits events into chunks whose JSON fits one property.</summary>
    public static IEnumerable<string> ToChunks(IReadOnlyList<HistoryEvent> events)
    {
        var chunk = new List<string>();
        var length = 2;
        foreach (var historyEvent in events)
        {
            var json = JsonSerializer.Serialize(historyEvent, Json);
            if (json.Length > MaxPropertyChars - 2)
            {
                throw new InvalidOperationException(
                    $"A {historyEvent.GetType().Name} event of {json.Length} characters is too large to store. Pass ids, not documents, between orchestrations and activities.");
            }

            if (length + json.Length + 1 > MaxPropertyChars)
            {
                yield return "[" + string.Join(',', chunk) + "]";
                chunk.Clear();
                length = 2;
            }

            chunk.Add(json);
            length += json.Length + 1;
        }

        if (chunk.Count > 0)
        {
            yield return "[" + string.Join(',', chunk) + "]";
        }
    }

    public static IEnumerable<HistoryEvent> FromChunk(string json) =>
        JsonSerializer.Deserialize<List<HistoryEvent>>(json, Json) ?? [];

    public static TableEntity DueRow(string partition, string rowKey, HistoryEvent? message, string? targetExecutionId) => new(partition, rowKey)
    {
        ["Event"] = message is null ? null : Checked(JsonSerializer.Serialize(message, Json), "message"),
        ["TargetExecutionId"] = targetExecutionId,
    };

    public static DueMessage FromDueRow(TableEntity entity) => new(
        entity.RowKey,
        RowKeys.ParseDue(entity.RowKey).InstanceId,
        entity.GetString("Event") is { } json ? JsonSerializer.Deserialize<HistoryEvent>(json, Json) : null,
        entity.GetString("TargetExecutionId"));

    private static string? Checked(string? value, string what) =>
        value is { Length: > MaxPropertyChars }
            ? throw new InvalidOperationException($"The {what} has {value.Length} characters; at most {MaxPropertyChars} fit. Pass ids, not documents.")
            : value;

    private static string Truncate(string value) => value.Length > MaxPropertyChars ? value[..MaxPropertyChars] : value;
}
