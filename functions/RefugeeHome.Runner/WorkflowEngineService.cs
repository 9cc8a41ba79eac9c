using Azure;
using RefugeeHome.Hosting.Durable;
using RefugeeHome.Triggers;

namespace RefugeeHome.Runner;

/// <summary>
/// Runs the Durable Task engine inside the runner for as long as the runner lives. It starts in the background and
/// keeps trying while storage does not answer, so the runner stays up and <c>/health</c> can say why. The workflows'
/// tables are created first, because activities use them as soon as the engine runs.
/// </summary>
internal sealed partial class WorkflowEngineService(
    IServiceProvider services, DurableTaskEngine engine, ILogger<WorkflowEngineService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _starting;

    /// <summary>Completes once the engine runs.</summary>
    public Task Started => _started.Task;

    /// <summary>Why the last attempt to start failed, while the engine has not started.</summary>
    public string? LastStartError { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _starting = Task.Run(() => StartWithRetriesAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_starting is not null)
        {
            await _starting;
        }

        try
        {
            await engine.StopAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Storage does not answer, so the worker cannot hand back its leases and messages. The runner stops anyway:
            // what it held comes back to the task hub when the leases and the messages' visibility time out.
            LogStopTimedOut();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task StartWithRetriesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await services.InitializeStatisticsAsync(cancellationToken);
                await services.InitializeWorkflowsAsync(cancellationToken);
                await engine.StartAsync();
                LastStartError = null;
                _started.TrySetResult();
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RequestFailedException or AggregateException or TimeoutException)
            {
                // Storage did not answer: the SDK gives up with one of these, the latter two after its own retries.
                LastStartError = exception.Message;
                LogStartFailed(exception);
            }

            try
            {
                await Task.Delay(RetryInterval, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Durable Task engine did not stop in time; the work it held returns to the task hub when its leases run out")]
    private partial void LogStopTimedOut();

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Durable Task engine could not start; retrying")]
    private partial void LogStartFailed(Exception exception);
}
