namespace RefugeeHome.Hosting.LocalStorage;

/// <summary>The loopback ports of an emulator that a storage connection string points at.</summary>
public sealed record LocalEmulatorEndpoints(int BlobPort, int QueuePort, int TablePort)
{
    /// <summary>
    /// Reads the ports when <paramref name="connectionString"/> is <c>UseDevelopmentStorage=true</c> or names
    /// explicit loopback endpoints; any other account is not a local emulator and yields null.
    /// </summary>
    public static LocalEmulatorEndpoints? TryParse(string connectionString)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var parts = connectionString
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (parts.TryGetValue("UseDevelopmentStorage", out var development) &&
            bool.TryParse(development, out var useDevelopment) && useDevelopment)
        {
            return new LocalEmulatorEndpoints(10000, 10001, 10002);
        }

        var blob = LoopbackPort(parts, "BlobEndpoint");
        var queue = LoopbackPort(parts, "QueueEndpoint");
        var table = LoopbackPort(parts, "TableEndpoint");
        return blob is null || queue is null || table is null ? null : new LocalEmulatorEndpoints(blob.Value, queue.Value, table.Value);
    }

    private static int? LoopbackPort(Dictionary<string, string> parts, string key) =>
        parts.TryGetValue(key, out var value) && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.IsLoopback
            ? uri.Port
            : null;
}
