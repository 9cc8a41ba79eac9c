using Azure;
using Azure.Data.Tables;
using RefugeeHome.Durable;
using RefugeeHome.Triggers;
using RefugeeHome.Workflows;

namespace RefugeeHome.Runner;

/// <summary>
/// Runs the durable runtime inside the runner for as long as the runner lives. It starts in the background and keeps
/// trying while storage does not answer, so the runner stays up and <c>/health</c> can say why. The workflow clock's
/// offset is restored first, and the workflows' tables are created, because activities use them as soon as the runtime
/// runs.
/// </summary>
internal sealed partial class DurableRuntimeService(
    IServiceProvider services,
    TableServiceClient tables,
    RunnerClock clock,
    DurableTaskRegistry registry,
    DurableRuntimeOptions options,
    ILoggerFactory loggerFactory,
    ILogger<DurableRuntimeService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<DurableRuntime> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _starting;

    public DurableRuntime? Runtime { get; private set; }

    public string? LastStartError { get; private set; }

    /// <summary>The running runtime's client; waits for the runtime to start, for at most <paramref name="timeout"/>.</summary>
    public DurableTaskClient WaitForClient(TimeSpan timeout) =>
        _started.Task.Wait(timeout) ? _started.Task.Result.Client : throw new InvalidOperationException($"The durable runtime has not started: {LastStartError}");

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

        if (Runtime is not null)
        {
            await Runtime.DisposeAsync();
            Runtime = null;
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task StartWithRetriesAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await clock.RestoreAsync(tables, cancellationToken);
                await services.InitializeWorkflowsAsync(cancellationToken);
                Runtime = await DurableRuntime.StartAsync(tables, registry, options, loggerFactory, cancellationToken);
                await WorkflowRegistration.StartStandingAsync(Runtime.Client, cancellationToken);
                LastStartError = null;
                _started.TrySetResult(Runtime);
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is RequestFailedException or AggregateException)
            {
                // Storage did not answer: the SDK gives up with either, the latter after its own retries.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The durable runtime could not start; retrying")]
    private partial void LogStartFailed(Exception exception);
}
