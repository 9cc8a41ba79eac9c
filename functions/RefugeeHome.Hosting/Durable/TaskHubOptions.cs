using DurableTask.AzureStorage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RefugeeHome.Hosting.Storage;

namespace RefugeeHome.Hosting.Durable;

/// <summary>
/// The <c>extensions:durableTask</c> section of host.json, which Durable Functions reads in Azure and the runner reads
/// here, so both run the task hub with the same settings. As in Azure, <c>AzureFunctionsJobHost__extensions__durableTask__…</c>
/// settings override the file, and <c>%Name%</c> in the hub name is the app setting <c>Name</c>.
/// </summary>
public sealed class TaskHubOptions
{
    /// <summary>Where the section sits in configuration once host.json is loaded with <see cref="HostJsonConfiguration"/>.</summary>
    public const string Section = HostJsonConfiguration.Prefix + ":extensions:durableTask";

    /// <summary>The task hub: its queues, tables and blob containers are named after it.</summary>
    public string HubName { get; set; } = "RefugeeHome";

    /// <summary>The Azure Storage provider's settings.</summary>
    public StorageProviderOptions StorageProvider { get; set; } = new();

    /// <summary>Activities one worker runs at once.</summary>
    public int MaxConcurrentActivityFunctions { get; set; } = 10;

    /// <summary>Orchestration episodes one worker runs at once.</summary>
    public int MaxConcurrentOrchestratorFunctions { get; set; } = 10;

    /// <summary>Keeps an orchestration in memory between episodes, so the next one does not replay its history.</summary>
    public bool ExtendedSessionsEnabled { get; set; }

    /// <summary>How long an idle extended session is kept.</summary>
    public int ExtendedSessionIdleTimeoutInSeconds { get; set; } = 30;

    /// <summary>
    /// Whether raising an event for a workflow that has ended fails, as it does in Durable Functions;
    /// unset, the Azure Storage provider's default there, which is that it fails. Otherwise the event is dropped.
    /// </summary>
    public bool? ThrowStatusExceptionsOnRaiseEvent { get; set; }

    /// <summary>Reads the section, resolving <c>%Name%</c> in the hub name from <paramref name="configuration"/>.</summary>
    public static TaskHubOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<TaskHubOptions>() ?? new TaskHubOptions();
        if (options.HubName is ['%', .. var name, '%'])
        {
            options.HubName = configuration[name] is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException($"host.json names the task hub '%{name}%', but the setting '{name}' is not set.");
        }

        return options;
    }

    /// <summary>The engine's settings for a worker of this process on <paramref name="storage"/>.</summary>
    public AzureStorageOrchestrationServiceSettings ToServiceSettings(StorageAccount storage, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = HubName,
            StorageAccountClientProvider = storage.CreateDurableTaskClientProvider(),
            PartitionCount = StorageProvider.PartitionCount,
            ControlQueueBatchSize = StorageProvider.ControlQueueBatchSize,
            MaxQueuePollingInterval = StorageProvider.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = StorageProvider.ControlQueueVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = StorageProvider.WorkItemQueueVisibilityTimeout,
            UseTablePartitionManagement = StorageProvider.UseTablePartitionManagement,
            MaxConcurrentTaskActivityWorkItems = MaxConcurrentActivityFunctions,
            MaxConcurrentTaskOrchestrationWorkItems = MaxConcurrentOrchestratorFunctions,
            ExtendedSessionsEnabled = ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(ExtendedSessionIdleTimeoutInSeconds),
            ThrowExceptionOnInvalidDedupeStatus = true,

            // Two runners on one machine must not take each other's partition leases for their own.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            LoggerFactory = loggerFactory,
        };
    }

    /// <summary>The <c>storageProvider</c> part of the section.</summary>
    public sealed class StorageProviderOptions
    {
        /// <summary>Control queues: how many workers can share the orchestrations.</summary>
        public int PartitionCount { get; set; } = 4;

        /// <summary>Messages taken from a control queue at once.</summary>
        public int ControlQueueBatchSize { get; set; } = 32;

        /// <summary>The longest wait between two polls of an idle queue: the latency of an idle hub.</summary>
        public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>
        /// How long a taken orchestration message stays hidden from other workers; a worker renews it while it works.
        /// After a crash, the work it had taken comes back this long after.
        /// </summary>
        public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>The same for activity messages.</summary>
        public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Partition leases in a table rather than in blobs.</summary>
        public bool UseTablePartitionManagement { get; set; } = true;
    }
}
