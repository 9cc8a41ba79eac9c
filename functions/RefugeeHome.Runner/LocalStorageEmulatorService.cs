using RefugeeHome.Hosting.LocalStorage;
using RefugeeHome.Hosting.Storage;

namespace RefugeeHome.Runner;

/// <summary>
/// Starts Azurite when the configured storage account is a local emulator that nobody runs yet, and stops it with the
/// runner. An emulator that already listens is left alone and outlives the runner.
/// </summary>
internal sealed partial class LocalStorageEmulatorService(
    IConfiguration configuration,
    RunnerOptions options,
    ILogger<LocalStorageEmulatorService> logger) : IHostedService, IAsyncDisposable
{
    private AzuriteProcess? _azurite;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connectionString = configuration[StorageAccount.SettingName];
        var endpoints = connectionString is null ? null : LocalEmulatorEndpoints.TryParse(connectionString);
        if (endpoints is null || await LoopbackPorts.IsListeningAsync(endpoints.TablePort, cancellationToken))
        {
            return;
        }

        var root = RepositoryRoot.Find();
        var dataFolder = Path.GetFullPath(options.StorageDataFolder, root);
        LogStarting(endpoints.TablePort, dataFolder);
        _azurite = await AzuriteProcess.StartAsync(root, new AzuriteOptions
        {
            BlobPort = endpoints.BlobPort,
            QueuePort = endpoints.QueuePort,
            TablePort = endpoints.TablePort,
            DataFolder = dataFolder,
        }, cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            LogStopping();
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Starting Azurite on table port {TablePort}, data in {DataFolder}")]
    private partial void LogStarting(int tablePort, string dataFolder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping Azurite")]
    private partial void LogStopping();
}
