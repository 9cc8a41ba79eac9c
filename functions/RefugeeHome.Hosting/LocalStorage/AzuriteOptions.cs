namespace RefugeeHome.Hosting.LocalStorage;

/// <summary>How to start Azurite.</summary>
public sealed record AzuriteOptions
{
    /// <summary>Ports of the Blob, Queue and Table services; zero picks free loopback ports.</summary>
    public int BlobPort { get; init; }

    /// <inheritdoc cref="BlobPort" />
    public int QueuePort { get; init; }

    /// <inheritdoc cref="BlobPort" />
    public int TablePort { get; init; }

    /// <summary>Folder that keeps the data across restarts; null keeps everything in memory.</summary>
    public string? DataFolder { get; init; }

    /// <summary>The default ports of the emulator, which <c>UseDevelopmentStorage=true</c> points at.</summary>
    public static AzuriteOptions DevelopmentStorage(string dataFolder) =>
        new() { BlobPort = 10000, QueuePort = 10001, TablePort = 10002, DataFolder = dataFolder };

    /// <summary>Free ports and in-memory data: what a test run wants.</summary>
    public static AzuriteOptions InMemoryOnFreePorts() => new();
}
