namespace RefugeeHome.Durable;

/// <summary>What an activity knows about the call it serves.</summary>
/// <param name="Name">Name the activity was registered under.</param>
/// <param name="InstanceId">The orchestration instance that called it.</param>
/// <param name="TaskId">
/// Sequence number of the call in that instance. Together with <see cref="InstanceId"/> it names the call, the same on
/// every retry after a crash: a key for idempotent side effects (for example, an email sent once).
/// </param>
public sealed record TaskActivityContext(string Name, string InstanceId, int TaskId);
