using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using RefugeeHome.Hosting.Storage;

namespace RefugeeHome.Hosting.Durable;

/// <summary>
/// The Durable Task engine as Durable Functions runs it in Azure: DurableTask.Core's worker on the Azure Storage
/// provider, with the orchestrators and activities of a <see cref="DurableTaskRegistry"/> adapted by the SDK's own
/// shims, so the workflows are the same code on both hosts and a task hub written here has Azure's layout.
/// </summary>
public sealed class DurableTaskEngine : IAsyncDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;
    private readonly TableClient _partitions;
    private readonly string _workerId;
    private bool _started;

    private DurableTaskEngine(
        AzureStorageOrchestrationService service, TaskHubWorker worker, AzureStorageOrchestrationServiceSettings settings, TableServiceClient tables, bool refusesEventsOfEndedWorkflows)
    {
        _service = service;
        _worker = worker;
        _workerId = settings.WorkerId;
        PartitionCount = settings.PartitionCount;
        _partitions = tables.GetTableClient(settings.TaskHubName + "Partitions");
        Client = new DurableTaskEngineClient(service, refusesEventsOfEndedWorkflows);
    }

    /// <summary>The task hub's control partitions, which the workers running on it share.</summary>
    public int PartitionCount { get; }

    /// <summary>The client of the engine's task hub; it works as soon as the task hub exists, with or without the worker.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>
    /// The engine of <paramref name="registry"/>'s orchestrators and activities; it touches no storage until
    /// <see cref="StartAsync"/>. Activities take their services from <paramref name="services"/> each time they run.
    /// </summary>
    public static DurableTaskEngine Create(
        TaskHubOptions options, StorageAccount storage, DurableTaskRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(registry);
        var settings = options.ToServiceSettings(storage, loggerFactory);
        var service = new AzureStorageOrchestrationService(settings);

        // The shims report failures as the SDK's TaskFailedException, which needs the engine's failure details.
        var worker = new TaskHubWorker(service, loggerFactory) { ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails };
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        foreach (var (name, create) in registry.GetOrchestrators())
        {
            worker.AddTaskOrchestrations(new ShimCreator<TaskOrchestration>(name, () => shims.CreateOrchestration(name, create(services))));
        }

        foreach (var (name, create) in registry.GetActivities())
        {
            worker.AddTaskActivities(new ShimCreator<TaskActivity>(name, () => shims.CreateActivity(name, create(services))));
        }

        return new DurableTaskEngine(service, worker, settings, storage.CreateTableServiceClient(), options.ThrowStatusExceptionsOnRaiseEvent ?? true);
    }

    /// <summary>Creates the task hub if needed and starts the worker; it then shares the hub's partitions with every other worker.</summary>
    public async Task StartAsync()
    {
        await _service.CreateIfNotExistsAsync();
        await _worker.StartAsync();
        _started = true;
    }

    /// <summary>How many control partitions this worker holds now, as the provider's partition table records it.</summary>
    public async Task<int> OwnedPartitionsAsync(CancellationToken cancellationToken)
    {
        var owned = 0;
        await foreach (var lease in _partitions.QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"CurrentOwner eq {_workerId}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            owned++;
        }

        return owned;
    }

    /// <summary>Stops taking work; work under way is left for this or another worker to take up again.</summary>
    public async Task StopAsync()
    {
        if (_started)
        {
            _started = false;
            await _worker.StopAsync(isForced: true);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _worker.Dispose();
    }

    // A new shim for every episode and every activity call: a shim holds the state of the one it runs.
    private sealed class ShimCreator<T> : ObjectCreator<T>
    {
        private readonly Func<T> _create;

        public ShimCreator(TaskName name, Func<T> create)
        {
            Name = name.Name;
            Version = string.Empty;
            _create = create;
        }

        public override T Create() => _create();
    }
}
