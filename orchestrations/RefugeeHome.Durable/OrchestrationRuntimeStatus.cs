namespace RefugeeHome.Durable;

/// <summary>Where an orchestration instance stands.</summary>
public enum OrchestrationRuntimeStatus
{
    /// <summary>Created, not yet started by a worker.</summary>
    Pending,

    /// <summary>Started and not finished: running or waiting on activities, timers or events.</summary>
    Running,

    /// <summary>Finished with an output.</summary>
    Completed,

    /// <summary>Finished with a failure.</summary>
    Failed,

    /// <summary>Stopped by a client.</summary>
    Terminated,
}
