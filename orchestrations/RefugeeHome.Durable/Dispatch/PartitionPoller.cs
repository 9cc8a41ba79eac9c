namespace RefugeeHome.Durable.Dispatch;

/// <summary>The poll loop state of one owned partition: a wake-up signal and a stop switch.</summary>
internal sealed class PartitionPoller(string partition) : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _wake = new(0, 1);

    public string Partition { get; } = partition;

    public CancellationToken Stopping => _stopping.Token;

    public void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
        catch (ObjectDisposedException)
        {
            // The loop has ended; nothing to wake.
        }
    }

    public async Task WaitAsync(TimeSpan interval) => await _wake.WaitAsync(interval, _stopping.Token);

    public void Stop() => _stopping.Cancel();

    /// <summary>Called by the poll loop when it ends; <see cref="Stop"/> only signals it.</summary>
    public void Dispose()
    {
        _stopping.Dispose();
        _wake.Dispose();
    }
}
