using System.Globalization;

namespace RefugeeHome.Durable.Storage;

/// <summary>
/// Row keys inside a control partition. An instance's own rows share the prefix <c>{id}|</c> and are read with one
/// range query; the due index (<c>~D|ticks|id|…</c>: messages and timers, by when they are due) and the recovery index
/// (<c>~R|id</c>: instances with work in flight) sort after every instance id.
/// </summary>
internal static class RowKeys
{
    public const string DuePrefix = "~D|";
    public const string RecoveryPrefix = "~R|";
    public const string TimerSuffix = "timer";
    private const string StartSuffix = "start";

    public static string Instance(string instanceId) => $"{instanceId}|I";

    public static string InstanceRangeStart(string instanceId) => $"{instanceId}|";

    // '}' is the character right after '|', so this bounds every key with the instance's prefix.
    public static string InstanceRangeEnd(string instanceId) => $"{instanceId}}}";

    public static string HistoryChunk(string instanceId, string executionId, int chunk) =>
        string.Create(CultureInfo.InvariantCulture, $"{instanceId}|H|{executionId}|{chunk:D6}");

    public static string Outbox(string instanceId, string executionId, string messageId) => $"{instanceId}|O|{executionId}|{messageId}";

    public static string Due(DateTime dueUtc, string instanceId, string suffix) =>
        string.Create(CultureInfo.InvariantCulture, $"{DuePrefix}{dueUtc.Ticks:D19}|{instanceId}|{suffix}");

    /// <summary>The due row that starts execution <paramref name="executionId"/> of an instance at <paramref name="dueUtc"/>.</summary>
    public static string StartSignal(DateTime dueUtc, string instanceId, string executionId) => Due(dueUtc, instanceId, StartSuffix + executionId);

    public static bool IsStartSignalOf(string rowKey, string executionId) => ParseDue(rowKey).Suffix == StartSuffix + executionId;

    public static string DueUpTo(DateTime nowUtc) =>
        string.Create(CultureInfo.InvariantCulture, $"{DuePrefix}{nowUtc.Ticks + 1:D19}");

    public static string Recovery(string instanceId) => RecoveryPrefix + instanceId;

    public static (DateTime Due, string InstanceId, string Suffix) ParseDue(string rowKey)
    {
        var parts = rowKey.Split('|');
        return (new DateTime(long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeKind.Utc), parts[2], parts[3]);
    }

    public static string InstanceIdOfRecovery(string rowKey) => rowKey[RecoveryPrefix.Length..];

    /// <summary>Throws when <paramref name="instanceId"/> cannot serve as part of a row key.</summary>
    public static void Validate(string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (instanceId.Length > 200 || instanceId[0] == '~' ||
            instanceId.Any(c => c is '|' or '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"Instance id '{instanceId}' is not valid: at most 200 characters, not starting with '~', without '|', '/', '\\', '#', '?' or control characters.",
                nameof(instanceId));
        }
    }
}
