using Azure;
using Azure.Data.Tables;
using RefugeeHome.Durable;

namespace RefugeeHome.Runner;

/// <summary>
/// Runs the durable runtime inside the runner for as long as the runner lives. It starts in the background and keeps
/// trying while storage does not answer, so the runner stays up and <c>/health</c> can say why.
/// </summary>
internal sealed partial class DurableRuntimeService(
    TableServiceClient tables,
    DurableTaskRegistry registry,
    DurableRuntimeOptions options,
    ILoggerFactory loggerFactory,
    ILogger<DurableRuntimeService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _starting;

    public DurableRuntime? Runtime { get; private set; }

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
                Runtime = await DurableRuntime.StartAsync(tables, registry, options, loggerFactory, cancellationToken);
                LastStartError = null;
                return;
            }
            catch (RequestFailedException exception)
            {
                LastStartError = exception.Message;
                LogStartFailed(exception);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
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
