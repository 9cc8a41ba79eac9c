using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using RefugeeHome.Durable.Storage;
using RefugeeHome.Testing;

namespace RefugeeHome.Durable.Tests;

/// <summary>A durable runtime on a task hub of its own in the test run's Azurite, with a clock the test moves.</summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    public const int HarnessPartitions = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private RuntimeHarness(DurableRuntime runtime, FakeTimeProvider clock, TableServiceClient tables, string hub)
    {
        Runtime = runtime;
        Clock = clock;
        Tables = tables;
        Hub = hub;
    }

    public DurableRuntime Runtime { get; private set; }

    public DurableTaskClient Client => Runtime.Client;

    public FakeTimeProvider Clock { get; }

    public TableServiceClient Tables { get; }

    public string Hub { get; }

    /// <summary>The table holding an instance's rows: the one of its control partition.</summary>
    public TableClient TableOf(string instanceId) =>
        new InstanceStore(Tables, Hub, HarnessPartitions).TableOf(ControlPartitions.For(instanceId, HarnessPartitions));

    public static DurableRuntimeOptions Options(string hub, TimeProvider clock, string? workerId = null) => new()
    {
        TaskHubName = hub,
        PartitionCount = HarnessPartitions,
        MaxPollInterval = TimeSpan.FromMilliseconds(100),
        LeaseRenewInterval = TimeSpan.FromMilliseconds(500),
        LeaseDuration = TimeSpan.FromSeconds(6),
        Clock = clock,
        WorkerId = workerId ?? Guid.NewGuid().ToString("N"),
    };

    public static async Task<RuntimeHarness> StartAsync(AzuriteFixture azurite, Action<DurableTaskRegistry> register)
    {
        var clock = new FakeTimeProvider(Start);
        var hub = "h" + Guid.NewGuid().ToString("N")[..12];
        var tables = azurite.Tables();
        var registry = new DurableTaskRegistry();
        register(registry);
        var runtime = await DurableRuntime.StartAsync(tables, registry, Options(hub, clock));
        return new RuntimeHarness(runtime, clock, tables, hub);
    }

    /// <summary>Stops the worker and starts another on the same hub and clock with different code.</summary>
    public async Task RestartWithAsync(Action<DurableTaskRegistry> register)
    {
        await Runtime.DisposeAsync();
        var registry = new DurableTaskRegistry();
        register(registry);
        Runtime = await DurableRuntime.StartAsync(Tables, registry, Options(Hub, Clock));
    }

    public async Task<OrchestrationMetadata> CompletionAsync(string instanceId)
    {
        using var patience = new CancellationTokenSource(Patience);
        return await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, TimeSpan.FromMilliseconds(20), patience.Token);
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the instance, failing after a minute.</summary>
    public async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance is not null && condition(instance))
            {
                return instance;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} did not reach the expected state; last seen: {instance}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Moves the clock forward step by step until the instance finishes.</summary>
    public async Task<OrchestrationMetadata> AdvanceUntilCompletedAsync(string instanceId, TimeSpan step)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var instance = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
            if (instance is { IsCompleted: true })
            {
                return instance;
            }

            Clock.Advance(step);
            await Task.Delay(50);
        }

        throw new TimeoutException($"Instance {instanceId} did not finish.");
    }

    public async Task<List<TableEntity>> RowsOfAsync(string instanceId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in TableOf(instanceId).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey ge {instanceId + "|"} and RowKey lt {instanceId + "}"}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Rows of the due index (messages, timers, start signals) that name the instance.</summary>
    public async Task<List<TableEntity>> DueRowsOfAsync(string instanceId)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in TableOf(instanceId).QueryAsync<TableEntity>(
            TableClient.CreateQueryFilter($"RowKey ge {"~D|"} and RowKey lt {"~D}"}")))
        {
            if (row.RowKey.Contains($"|{instanceId}|", StringComparison.Ordinal))
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    public async ValueTask DisposeAsync() => await Runtime.DisposeAsync();
}
