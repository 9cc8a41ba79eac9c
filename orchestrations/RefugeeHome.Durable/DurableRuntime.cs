using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RefugeeHome.Durable.Dispatch;
using RefugeeHome.Durable.Replay;
using RefugeeHome.Durable.Storage;

namespace RefugeeHome.Durable;

/// <summary>
/// A worker of a task hub: it takes leases on control partitions and runs the orchestrations and activities in them.
/// Start several on the same storage and they share the work. Dispose it to stop and hand its partitions back.
/// </summary>
public sealed class DurableRuntime : IAsyncDisposable
{
    private readonly Dispatcher _dispatcher;
    private readonly LeaseManager _leases;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private int _disposed;

    private DurableRuntime(Dispatcher dispatcher, LeaseManager leases, DurableTaskClient client)
    {
        _dispatcher = dispatcher;
        _leases = leases;
        Client = client;
    }

    /// <summary>A client bound to this worker: instances it starts or signals are picked up without waiting for a poll.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>Events delivered to orchestrators by this worker since it started.</summary>
    public long EventsProcessed => _dispatcher.EventsProcessed;

    /// <summary>Instances this worker holds in memory right now.</summary>
    public int ActiveInstances => _dispatcher.ActiveInstances;

    /// <summary>Control partitions this worker owns right now.</summary>
    public IReadOnlyCollection<string> OwnedPartitions => _leases.Owned;

    /// <summary>Creates the hub's tables if needed, takes leases and starts working.</summary>
    public static async Task<DurableRuntime> StartAsync(
        TableServiceClient tables, DurableTaskRegistry registry, DurableRuntimeOptions options, ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        var store = await CreateStoreAsync(tables, options, cancellationToken);
        var leaseTable = tables.GetTableClient(options.LeasesTableName);
        await leaseTable.CreateIfNotExistsAsync(cancellationToken);
        var leases = new LeaseManager(leaseTable, options);
        var logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("RefugeeHome.Durable");
        var dispatcher = new Dispatcher(store, new EpisodePlanner(new OrchestrationExecutor(registry)), registry, leases, options, logger);
        var runtime = new DurableRuntime(dispatcher, leases, new DurableTaskClient(store, registry.Payloads, options.Clock, dispatcher.Notify));
        runtime._loops.AddRange(dispatcher.StartWorkers(runtime._stopping.Token));
        await leases.BalanceAsync(cancellationToken);
        runtime._loops.Add(Task.Run(() => leases.RunAsync(runtime._stopping.Token), CancellationToken.None));
        return runtime;
    }

    /// <summary>A client for a process that starts and inspects instances but runs none.</summary>
    public static async Task<DurableTaskClient> CreateClientAsync(
        TableServiceClient tables, DurableTaskRegistry registry, DurableRuntimeOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(options);
        var store = await CreateStoreAsync(tables, options, cancellationToken);
        return new DurableTaskClient(store, registry.Payloads, options.Clock, _ => { });
    }

    /// <summary>Stops working and releases this worker's leases so another can take over at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _dispatcher.StopAsync();
        await Task.WhenAll(_loops);
        await _leases.ReleaseAllAsync(CancellationToken.None);
        _dispatcher.Dispose();
        _stopping.Dispose();
    }

    private static async Task<InstanceStore> CreateStoreAsync(TableServiceClient tables, DurableRuntimeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PartitionCount, 1);
        var store = new InstanceStore(tables, options.TaskHubName, options.PartitionCount);
        await store.CreateTablesAsync(cancellationToken);
        return store;
    }
}
