namespace RefugeeHome.Durable;

/// <summary>Settings of the durable runtime.</summary>
public sealed class DurableRuntimeOptions
{
    /// <summary>Prefix of the runtime's tables; instances of different hubs never see each other.</summary>
    public string TaskHubName { get; set; } = "RefugeeHome";

    /// <summary>Control partitions: the unit of ownership between processes. Fixed for the life of a task hub.</summary>
    public int PartitionCount { get; set; } = 16;

    /// <summary>Episodes run at once by one process.</summary>
    public int MaxConcurrentEpisodes { get; set; } = 64;

    /// <summary>Activities run at once by one process.</summary>
    public int MaxConcurrentActivities { get; set; } = 128;

    /// <summary>Longest wait between two reads of a partition's due index when nothing happens.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a partition lease lasts without renewal; a dead process's partitions move after this.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often leases are renewed and rebalanced.</summary>
    public TimeSpan LeaseRenewInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Identity of this process among the workers of the hub. A restarted process may reuse its id to take its leases back at once.</summary>
    public string WorkerId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Attempts at an episode that keeps failing inside the runtime before its instance is failed as poison.</summary>
    public int MaxEpisodeAttempts { get; set; } = 5;

    /// <summary>The workflow clock: timers and <c>CurrentUtcDateTime</c> follow it. Tests fast-forward it; demos speed it up.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    internal string LeasesTableName => TaskHubName + "Leases";
}
