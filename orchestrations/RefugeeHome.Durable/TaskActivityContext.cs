namespace RefugeeHome.Durable;

/// <summary>What an activity knows about the call it serves.</summary>
/// <param name="Name">Name the activity was registered under.</param>
/// <param name="InstanceId">The orchestration instance that called it.</param>
/// <param name="ExecutionId">The execution of that instance; a continue-as-new starts a new one.</param>
/// <param name="TaskId">Sequence number of the call in that execution; it starts again at zero after a continue-as-new.</param>
public sealed record TaskActivityContext(string Name, string InstanceId, string ExecutionId, int TaskId)
{
    /// <summary>
    /// Names the call, the same on every retry and after a crash, and different for every call of every execution: a
    /// key for idempotent side effects (for example, an email sent once).
    /// </summary>
    public string CallKey => $"{InstanceId}/{ExecutionId}/{TaskId}";
}
