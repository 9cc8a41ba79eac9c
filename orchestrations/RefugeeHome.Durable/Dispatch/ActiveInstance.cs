using RefugeeHome.Durable.History;
using RefugeeHome.Durable.Storage;

namespace RefugeeHome.Durable.Dispatch;

/// <summary>
/// An instance this process is working on: its cached state, the messages and activity results waiting for its next
/// episode, and the activities it runs. Guarded by its own lock; at most one episode of it runs at a time.
/// </summary>
internal sealed class ActiveInstance(string instanceId, string partition)
{
    public string InstanceId { get; } = instanceId;

    public string Partition { get; } = partition;

    public InstanceState? State { get; set; }

    public Dictionary<string, DueMessage> Messages { get; } = new(StringComparer.Ordinal);

    public List<TaskResultEvent> Results { get; } = [];

    public HashSet<int> RunningActivities { get; } = [];

    public bool NeedsLoad { get; set; }

    /// <summary>In the ready queue or running an episode.</summary>
    public bool Queued { get; set; }

    public bool Evicted { get; set; }

    public int FailedAttempts { get; set; }

    public bool HasWork => Messages.Count > 0 || Results.Count > 0 || NeedsLoad;
}
