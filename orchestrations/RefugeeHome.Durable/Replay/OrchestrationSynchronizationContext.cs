using System.Collections.Concurrent;

namespace RefugeeHome.Durable.Replay;

/// <summary>
/// Runs every continuation of an orchestrator on the replaying thread, in the order it was posted, so a replay follows
/// the same path every time.
/// </summary>
internal sealed class OrchestrationSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _work = new();

    public override void Post(SendOrPostCallback d, object? state) => _work.Enqueue((d, state));

    public override void Send(SendOrPostCallback d, object? state) => d(state);

    public void RunPending()
    {
        while (_work.TryDequeue(out var item))
        {
            item.Callback(item.State);
        }
    }
}
